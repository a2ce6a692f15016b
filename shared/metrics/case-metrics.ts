import type { Case, OutcomeKind } from '../domain'
import { CASE_STATUSES, type CaseStatus, isOpenStatus } from '../domain/case-status'
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../domain/categories'
import { SEVERITIES, type Severity } from '../domain/severity'
import { computeSlaClocks, type SlaTargetClock } from '../sla/clock'
import type { SlaPolicy } from '../sla/policy'
import type { MetricsCase } from './fact-rows'

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
  return cases.map((record) => {
    const clocks = computeSlaClocks(record.slaEvents, policy)
    return {
      record,
      firstResponse: clocks.firstResponse,
      resolution: clocks.resolution,
      outcomes: outcomes.get(record.id) ?? [],
    }
  })
}

export type StatusSeverityCounts = Record<CaseStatus, Record<Severity, number>>

/** Open cases by status, split by severity (statuses that are not open are left out). */
export function openCasesByStatusAndSeverity(facts: readonly CaseFacts[]): StatusSeverityCounts {
  const counts = Object.fromEntries(
    CASE_STATUSES.filter(isOpenStatus).map((status) => [
      status,
      Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])),
    ]),
  ) as StatusSeverityCounts
  for (const { record } of facts) {
    if (isOpenStatus(record.status)) counts[record.status][record.severity]++
  }
  return counts
}

/** The Monday (UTC) of an instant's week, as a date: "2026-11-23". */
export function weekOf(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00.000Z`)
  const sinceMonday = (day.getUTCDay() + 6) % 7
  day.setUTCDate(day.getUTCDate() - sinceMonday)
  return day.toISOString().slice(0, 10)
}

export interface WeeklyCompliance {
  week: string
  /** Targets met (completed without a breach) of those completed that week, per target; null when none. */
  firstResponse: number | null
  resolution: number | null
  completed: number
}

/** SLA compliance by the week each target was completed in, oldest week first. */
export function slaComplianceByWeek(facts: readonly CaseFacts[]): WeeklyCompliance[] {
  const weeks = new Map<string, { fr: [number, number]; res: [number, number] }>()
  const count = (clock: SlaTargetClock, pick: 'fr' | 'res') => {
    if (clock.phase !== 'done' || clock.completedAt === null) return
    const key = weekOf(clock.completedAt)
    const week = weeks.get(key) ?? { fr: [0, 0], res: [0, 0] }
    week[pick][1]++
    if (clock.breachedAt === null) week[pick][0]++
    weeks.set(key, week)
  }
  for (const fact of facts) {
    count(fact.firstResponse, 'fr')
    count(fact.resolution, 'res')
  }
  const percent = ([met, total]: [number, number]) => (total ? Math.round((met / total) * 1000) / 10 : null)
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, { fr, res }]) => ({
      week,
      firstResponse: percent(fr),
      resolution: percent(res),
      completed: fr[1] + res[1],
    }))
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort()
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Median hours from opening to first response and to resolution (wall-clock time), of the cases that got there. */
export function medianHours(facts: readonly CaseFacts[]): {
  firstResponse: number | null
  resolution: number | null
} {
  const hours = (clock: SlaTargetClock, record: MetricsCase) =>
    clock.completedAt === null
      ? null
      : (Date.parse(clock.completedAt) - Date.parse(record.createdAt)) / 3_600_000
  const collect = (pick: (fact: CaseFacts) => SlaTargetClock) =>
    facts.flatMap((fact) => {
      const value = hours(pick(fact), fact.record)
      return value === null ? [] : [value]
    })
  return {
    firstResponse: median(collect((fact) => fact.firstResponse)),
    resolution: median(collect((fact) => fact.resolution)),
  }
}

/** Determinations' outcomes by the case's category (one count per party decided). */
export function outcomesByCategory(
  facts: readonly CaseFacts[],
): Array<{ category: IncidentCategory; counts: Partial<Record<OutcomeKind, number>>; total: number }> {
  const byCategory = new Map<IncidentCategory, Partial<Record<OutcomeKind, number>>>()
  for (const { record, outcomes } of facts) {
    if (outcomes.length === 0) continue
    const counts = byCategory.get(record.category) ?? {}
    for (const kind of outcomes) counts[kind] = (counts[kind] ?? 0) + 1
    byCategory.set(record.category, counts)
  }
  return INCIDENT_CATEGORIES.filter((category) => byCategory.has(category)).map((category) => {
    const counts = byCategory.get(category)!
    return { category, counts, total: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0) }
  })
}

export const UNASSIGNED_LABEL = 'Unassigned'

/** Cases per analyst (open and all), most open first. */
export function casesPerAnalyst(
  facts: readonly CaseFacts[],
): Array<{ analyst: string; open: number; total: number }> {
  const analysts = new Map<string, { open: number; total: number }>()
  for (const { record } of facts) {
    const name = record.assigneeName || UNASSIGNED_LABEL
    const row = analysts.get(name) ?? { open: 0, total: 0 }
    row.total++
    if (isOpenStatus(record.status)) row.open++
    analysts.set(name, row)
  }
  return [...analysts]
    .map(([analyst, row]) => ({ analyst, ...row }))
    .sort((a, b) => b.open - a.open || b.total - a.total || a.analyst.localeCompare(b.analyst))
}

export interface CaseMetrics {
  caseCount: number
  openByStatus: StatusSeverityCounts
  weeklyCompliance: WeeklyCompliance[]
  medianHours: { firstResponse: number | null; resolution: number | null }
  outcomesByCategory: ReturnType<typeof outcomesByCategory>
  perAnalyst: ReturnType<typeof casesPerAnalyst>
}

export function caseMetrics(facts: readonly CaseFacts[]): CaseMetrics {
  return {
    caseCount: facts.length,
    openByStatus: openCasesByStatusAndSeverity(facts),
    weeklyCompliance: slaComplianceByWeek(facts),
    medianHours: medianHours(facts),
    outcomesByCategory: outcomesByCategory(facts),
    perAnalyst: casesPerAnalyst(facts),
  }
}
