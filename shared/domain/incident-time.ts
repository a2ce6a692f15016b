import { DateTime } from 'luxon'

/**
 * Where the marketplace operates: the United States' and Canada's zones, offered first when an
 * analyst records the zone an incident happened in (east to west, then the non-observing ones).
 */
export const NORTH_AMERICAN_TIME_ZONES = [
  'America/St_Johns',
  'America/Halifax',
  'America/Toronto',
  'America/New_York',
  'America/Detroit',
  'America/Indianapolis',
  'America/Winnipeg',
  'America/Chicago',
  'America/Regina',
  'America/Edmonton',
  'America/Denver',
  'America/Phoenix',
  'America/Boise',
  'America/Vancouver',
  'America/Los_Angeles',
  'America/Whitehorse',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
] as const

/**
 * Every zone to choose from: the United States' and Canada's first, then the rest of `all` in order.
 * A zone already recorded is always among them, even one this browser lists under another name
 * (the drop-off lookup may give America/Indiana/Indianapolis where the browser has America/Indianapolis).
 */
export function timeZoneChoices(all: readonly string[], recorded = ''): string[] {
  const first = NORTH_AMERICAN_TIME_ZONES.filter((zone) => all.includes(zone))
  const rest = all.filter((zone) => !(first as string[]).includes(zone))
  return recorded && !all.includes(recorded) ? [...first, recorded, ...rest] : [...first, ...rest]
}

/** "Nov 3, 2026, 5:42 PM CST": a moment as a clock in that zone showed it, with the zone's short name. */
export function formatZonedTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toLocaleString(
    {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    },
    { locale: 'en-US' },
  )
}

/**
 * When the incident happened, for the report: in the incident's own zone (the clock the parties saw)
 * and in the analyst's, or the analyst's alone with a note when the incident's zone is not recorded.
 */
export function incidentTimeText(
  occurredAt: string | null,
  incidentZone: string | undefined,
  analystZone: string,
): string {
  if (!occurredAt) return 'Time not recorded'
  const analysts = formatZonedTime(occurredAt, analystZone)
  if (!incidentZone) return `${analysts} analyst's time; the incident's local zone is not recorded`
  const local = `${formatZonedTime(occurredAt, incidentZone)} (${incidentZone})`
  return incidentZone === analystZone
    ? `${local}, also the analyst's zone`
    : `${local} — ${analysts} analyst's time`
}
