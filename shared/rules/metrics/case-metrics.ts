import type { Case, OutcomeKind } from '../../domain'
import { CASE_STATUSES, type CaseStatus, isOpenStatus } from '../../domain/case-status'
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../domain/categories'
import { SEVERITIES, type Severity } from '../../domain/severity'
import type { SlaTargetClock } from '../sla/clock'
import type { SlaPolicy } from '../sla/policy'
import { type CaseTally, caseClocks, emptyTally, tallyCase, tallyOutcome } from './case-tally'
import type { MetricsCase } from './fact-rows'

export { weekOf } from './case-tally'

/**
 * The team's numbers, computed from the cases on this workstation: pure functions over the cases a
 * date range selects (by when they were opened) and their determinations.
 */

export interface MetricsRange {
  /** Inclusive ISO instants; null for an open end. */
  from: string | null
  to: string | null
}

export const inRange = (record: Pick<Case, 'createdAt'>, range: MetricsRange) =>
  (range.from === null || record.createdAt >= range.from) &&
  (range.to === null || record.createdAt <= range.to)

/** One case's facts the dashboard counts, derived once per case (from the case, or its metrics key). */
export interface CaseFacts<Record extends MetricsCase = MetricsCase> {
  record: Record
  firstResponse: SlaTargetClock
  resolution: SlaTargetClock
  outcomes: OutcomeKind[]
}

/** A decided party's outcome on a case. */
export interface CaseOutcome {
  caseId: string
  kind: OutcomeKind
}

export function caseFacts<Record extends MetricsCase>(
  cases: readonly Record[],
  decided: readonly CaseOutcome[],
  policy: SlaPolicy,
): CaseFacts<Record>[] {
  const outcomes = new Map<string, OutcomeKind[]>()
  for (const { caseId, kind } of decided) {
    const list = outcomes.get(caseId) ?? []
    list.push(kind)
    outcomes.set(caseId, list)
  }
  return cases.map((record) => ({
    record,
    ...caseClocks(record, policy),
    outcomes: outcomes.get(record.id) ?? [],
  }))
}

export type StatusSeverityCounts = Record<CaseStatus, Record<Severity, number>>

export interface WeeklyCompliance {
  week: string
  /** Targets met (completed without a breach) of those completed that week, per target; null when none. */
  firstResponse: number | null
  resolution: number | null
  completed: number
}

/** The median of counted values ("minutes" → how many), without spelling every value out. */
export function medianOfCounts(counts: Record<string, number>): number | null {
  const values = Object.entries(counts)
    .map(([value, count]) => [Number(value), count] as const)
    .sort(([a], [b]) => a - b)
  const total = values.reduce((sum, [, count]) => sum + count, 0)
  if (total === 0) return null
  // The values at positions ⌊(n−1)/2⌋ and ⌊n/2⌋ of the sorted list (the same one when n is odd).
  const at = (position: number) => {
    let seen = 0
    for (const [value, count] of values) {
      seen += count
      if (position < seen) return value
    }
    return values.at(-1)![0]
  }
  return (at((total - 1) >> 1) + at(total >> 1)) / 2
}

export const UNASSIGNED_LABEL = 'Unassigned'

export interface CaseMetrics {
  caseCount: number
  /** Open cases by status, split by severity (statuses that are not open are left out). */
  openByStatus: StatusSeverityCounts
  /** SLA compliance by the week each target was completed in, oldest week first. */
  weeklyCompliance: WeeklyCompliance[]
  /** Median hours from opening to first response and to resolution (wall-clock time, whole minutes), of the cases that got there. */
  medianHours: { firstResponse: number | null; resolution: number | null }
  /** Determinations' outcomes by the case's category (one count per party decided). */
  outcomesByCategory: Array<{
    category: IncidentCategory
    counts: Partial<Record<OutcomeKind, number>>
    total: number
  }>
  /** Cases per analyst (open and all), most open first. */
  perAnalyst: Array<{ analyst: string; open: number; total: number }>
}

/** The dashboard's numbers from a tally of the range's cases. */
export function metricsFromTally(tally: CaseTally): CaseMetrics {
  const openByStatus = Object.fromEntries(
    CASE_STATUSES.filter(isOpenStatus).map((status) => [
      status,
      Object.fromEntries(
        SEVERITIES.map((severity) => [severity, tally.statusSeverity[`${status}|${severity}`] ?? 0]),
      ),
    ]),
  ) as StatusSeverityCounts
  const percent = (met: number, total: number) => (total ? Math.round((met / total) * 1000) / 10 : null)
  const weeklyCompliance = Object.entries(tally.weeks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, [frMet, frDone, resMet, resDone]]) => ({
      week,
      firstResponse: percent(frMet, frDone),
      resolution: percent(resMet, resDone),
      completed: frDone + resDone,
    }))
  const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60)
  const byCategory = new Map<IncidentCategory, Partial<Record<OutcomeKind, number>>>()
  for (const [key, count] of Object.entries(tally.outcomes)) {
    const [category, kind] = key.split('|') as [IncidentCategory, OutcomeKind]
    byCategory.set(category, { ...byCategory.get(category), [kind]: count })
  }
  return {
    caseCount: tally.cases,
    openByStatus,
    weeklyCompliance,
    medianHours: {
      firstResponse: hours(medianOfCounts(tally.firstResponseMinutes)),
      resolution: hours(medianOfCounts(tally.resolutionMinutes)),
    },
    outcomesByCategory: INCIDENT_CATEGORIES.filter((category) => byCategory.has(category)).map((category) => {
      const counts = byCategory.get(category)!
      return { category, counts, total: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0) }
    }),
    perAnalyst: Object.entries(tally.analysts)
      .map(([name, [open, total]]) => ({ analyst: name || UNASSIGNED_LABEL, open, total }))
      .sort((a, b) => b.open - a.open || b.total - a.total || a.analyst.localeCompare(b.analyst)),
  }
}

/** The tally of cases whose clocks and outcomes are already worked out. */
export function tallyOf(facts: readonly CaseFacts[]): CaseTally {
  const tally = emptyTally()
  for (const fact of facts) {
    tallyCase(tally, fact.record, fact, 1)
    for (const kind of fact.outcomes) tallyOutcome(tally, fact.record.category, kind, 1)
  }
  return tally
}

export const caseMetrics = (facts: readonly CaseFacts[]): CaseMetrics => metricsFromTally(tallyOf(facts))
