import type { OutcomeKind } from '../../domain'
import { isOpenStatus } from '../../domain/case-status'
import type { IncidentCategory } from '../../domain/categories'
import { computeSlaClocks, type SlaTargetClock } from '../sla/clock'
import type { SlaPolicy } from '../sla/policy'
import type { DecisionFactsRow, MetricsCase } from './fact-rows'

/**
 * Everything the dashboard shows, kept as sums that can be added to, taken from and merged. The
 * database keeps one tally per day of opening beside the cases (renderer/src/db/fact-tables.ts), so a
 * date range adds up a few hundred day tallies instead of reading every case; the charts are computed
 * from the merged tally (case-metrics.ts).
 */
export interface CaseTally {
  cases: number
  /** "status|severity" → cases, every status. */
  statusSeverity: Record<string, number>
  /** Assignee's name ('' when unassigned) → [open cases, all cases]. */
  analysts: Record<string, [number, number]>
  /** Monday of the week a target was completed → [first responses met, completed, resolutions met, completed]. */
  weeks: Record<string, [number, number, number, number]>
  /** Whole minutes from opening to first response (to resolution) → cases, for the medians. */
  firstResponseMinutes: Record<string, number>
  resolutionMinutes: Record<string, number>
  /** "category|outcome kind" → decided parties. */
  outcomes: Record<string, number>
}

/** A case's SLA targets as replayed under the policy: what its tally counts beside its own fields. */
export interface CaseClocks {
  firstResponse: SlaTargetClock
  resolution: SlaTargetClock
}

export const emptyTally = (): CaseTally => ({
  cases: 0,
  statusSeverity: {},
  analysts: {},
  weeks: {},
  firstResponseMinutes: {},
  resolutionMinutes: {},
  outcomes: {},
})

/** True when a tally counts nothing (its day row can go). */
export const isEmptyTally = (tally: CaseTally) =>
  tally.cases === 0 &&
  [
    tally.statusSeverity,
    tally.analysts,
    tally.weeks,
    tally.firstResponseMinutes,
    tally.resolutionMinutes,
    tally.outcomes,
  ].every((counts) => Object.keys(counts).length === 0)

/** The UTC day a case was opened on, "2026-11-30": the key of its day tally. */
export const openingDay = (createdAt: string) => createdAt.slice(0, 10)

/** The Monday (UTC) of an instant's week, as a date: "2026-11-23". */
export function weekOf(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00.000Z`)
  const sinceMonday = (day.getUTCDay() + 6) % 7
  day.setUTCDate(day.getUTCDate() - sinceMonday)
  return day.toISOString().slice(0, 10)
}

/** Adds `by` to a count, dropping it at zero so a tally stays as small as what it counts. */
function bump(counts: Record<string, number>, key: string, by: number) {
  const next = (counts[key] ?? 0) + by
  if (next === 0) delete counts[key]
  else counts[key] = next
}

function bumpVector<Vector extends number[]>(
  vectors: Record<string, Vector>,
  key: string,
  by: Readonly<Vector>,
) {
  const vector = (vectors[key] ?? by.map(() => 0)) as Vector
  for (let index = 0; index < by.length; index++) vector[index] = vector[index]! + by[index]!
  if (vector.every((value) => value === 0)) delete vectors[key]
  else vectors[key] = vector
}

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000)

/** Counts a case into a tally (sign 1) or takes it out again (sign -1). */
export function tallyCase(tally: CaseTally, record: MetricsCase, clocks: CaseClocks, sign: 1 | -1) {
  const open = isOpenStatus(record.status) ? sign : 0
  tally.cases += sign
  bump(tally.statusSeverity, `${record.status}|${record.severity}`, sign)
  bumpVector(tally.analysts, record.assigneeName, [open, sign])
  const completed = (clock: SlaTargetClock, first: boolean, minutes: Record<string, number>) => {
    if (clock.completedAt === null) return
    bump(minutes, String(minutesBetween(record.createdAt, clock.completedAt)), sign)
    if (clock.phase !== 'done') return
    const met = clock.breachedAt === null ? sign : 0
    bumpVector(tally.weeks, weekOf(clock.completedAt), first ? [met, sign, 0, 0] : [0, 0, met, sign])
  }
  completed(clocks.firstResponse, true, tally.firstResponseMinutes)
  completed(clocks.resolution, false, tally.resolutionMinutes)
}

/** Counts a decided party's outcome under its case's category (sign -1 takes it out). */
export function tallyOutcome(tally: CaseTally, category: IncidentCategory, kind: OutcomeKind, sign: 1 | -1) {
  bump(tally.outcomes, `${category}|${kind}`, sign)
}

/** Adds one tally into another. */
export function mergeTally(into: CaseTally, from: CaseTally): CaseTally {
  into.cases += from.cases
  for (const [key, count] of Object.entries(from.statusSeverity)) bump(into.statusSeverity, key, count)
  for (const [key, vector] of Object.entries(from.analysts)) bumpVector(into.analysts, key, vector)
  for (const [key, vector] of Object.entries(from.weeks)) bumpVector(into.weeks, key, vector)
  for (const [key, count] of Object.entries(from.firstResponseMinutes))
    bump(into.firstResponseMinutes, key, count)
  for (const [key, count] of Object.entries(from.resolutionMinutes)) bump(into.resolutionMinutes, key, count)
  for (const [key, count] of Object.entries(from.outcomes)) bump(into.outcomes, key, count)
  return into
}

/** A case's SLA targets under the policy (the clocks are replayed from its events). */
export function caseClocks(record: MetricsCase, policy: SlaPolicy): CaseClocks {
  const clocks = computeSlaClocks(record.slaEvents, policy)
  return { firstResponse: clocks.firstResponse, resolution: clocks.resolution }
}

/**
 * The day tallies of cases and their decisions, from scratch: what the database keeps, rebuilt when
 * the SLA policy changes or a table is cleared. Decisions whose case is not there are left out.
 */
export function dayTallies(
  cases: readonly MetricsCase[],
  decisions: readonly DecisionFactsRow[],
  policy: SlaPolicy,
): Map<string, CaseTally> {
  const days = new Map<string, CaseTally>()
  const dayOf = (createdAt: string) => {
    const day = openingDay(createdAt)
    const tally = days.get(day) ?? emptyTally()
    days.set(day, tally)
    return tally
  }
  for (const record of cases) tallyCase(dayOf(record.createdAt), record, caseClocks(record, policy), 1)
  for (const decision of decisions) {
    if (decision.caseCreatedAt && decision.caseCategory)
      tallyOutcome(dayOf(decision.caseCreatedAt), decision.caseCategory, decision.kind, 1)
  }
  return days
}
