import type { TextFieldProps } from '@mui/material'
import { formatZonedTime, NORTH_AMERICAN_TIME_ZONES, timeZoneChoices } from '@shared/domain/incident-time'
import { fromLocalInputValue } from '@ui/format/time'

let known: string[] | undefined
/** Every zone this browser knows (read once). */
const knownZones = () => {
  known ??= Intl.supportedValuesOf('timeZone')
  return known
}

function ZoneOptions({ recorded }: { recorded: string }) {
  const zones = timeZoneChoices(knownZones(), recorded)
  const northAmerican = new Set<string>(NORTH_AMERICAN_TIME_ZONES)
  // A recorded zone the browser lists under another name stays selectable, among the first.
  if (recorded && !knownZones().includes(recorded)) northAmerican.add(recorded)
  return (
    <>
      <option value="">Not recorded</option>
      <optgroup label="United States and Canada">
        {zones
          .filter((zone) => northAmerican.has(zone))
          .map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
      </optgroup>
      <optgroup label="Other zones">
        {zones
          .filter((zone) => !northAmerican.has(zone))
          .map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
      </optgroup>
    </>
  )
}

/**
 * The incident's time zone field: a native select (typing a letter jumps through 400 zones), and
 * under it the entered time as the clocks there showed it, since "Occurred" is in the analyst's zone.
 */
export function incidentTimeZoneProps(occurredAt: string, zone: string): TextFieldProps {
  const at = occurredAt ? fromLocalInputValue(occurredAt) : null
  return {
    select: true,
    slotProps: { select: { native: true }, inputLabel: { shrink: true } },
    children: <ZoneOptions recorded={zone} />,
    helperText:
      zone && at
        ? `There it was ${formatZonedTime(at, zone)}`
        : 'Where it happened; "Occurred" is in your own time',
  }
}
