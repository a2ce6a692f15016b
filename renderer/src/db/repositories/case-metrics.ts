import type { Case } from '@shared/domain'
import { type CaseFacts, caseFacts, type MetricsRange } from '@shared/rules/metrics/case-metrics'
import {
  type CaseTally,
  dayTallies,
  emptyTally,
  mergeTally,
  openingDay,
} from '@shared/rules/metrics/case-tally'
import { unpackCaseFacts } from '@shared/rules/metrics/fact-rows'
import { SETTINGS } from '@shared/rules/settings/registry'
import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'
import type { SettingsRepository } from './settings'

const DAY_MS = 86_400_000
const dayStart = (day: string) => `${day}T00:00:00.000Z`
const dayEnd = (day: string) => `${day}T23:59:59.999Z`
const dayAfter = (day: string, by: 1 | -1) =>
  new Date(Date.parse(dayStart(day)) + by * DAY_MS).toISOString().slice(0, 10)

/**
 * Splits a range into the whole UTC days it covers, read from the day tallies (null ends are open),
 * and the parts of days at either end, counted case by case: a range of dates in the analyst's own
 * time zone starts and ends in the middle of UTC days.
 */
export function splitByDay(range: MetricsRange): {
  days: { first: string | null; last: string | null } | null
  parts: MetricsRange[]
} {
  const { from, to } = range
  const first =
    from === null
      ? null
      : from === dayStart(openingDay(from))
        ? openingDay(from)
        : dayAfter(openingDay(from), 1)
  const last =
    to === null ? null : to === dayEnd(openingDay(to)) ? openingDay(to) : dayAfter(openingDay(to), -1)
  if (first !== null && last !== null && first > last) return { days: null, parts: [range] }
  const parts: MetricsRange[] = []
  if (from !== null && first !== null && from < dayStart(first))
    parts.push({ from, to: new Date(Date.parse(dayStart(first)) - 1).toISOString() })
  if (to !== null && last !== null && to > dayEnd(last)) parts.push({ from: dayStart(dayAfter(last, 1)), to })
  return { days: { first, last }, parts }
}

/**
 * The cases the dashboard counts: those opened in the range. The charts add up the day tallies kept
 * beside the cases (fact-tables.ts) and count the cases of part-days one by one; the CSV export reads
 * the whole cases, as it writes their numbers and titles.
 */
export function createCaseMetricsRepository(db: WorkstationDatabase, settings: SettingsRepository) {
  /** The decisions on the cases opened in the range (read by their case's opening time). */
  async function outcomesOf(range: MetricsRange, caseIds: ReadonlySet<string>) {
    const decided = await db.decisionFacts
      .where('caseCreatedAt')
      .between(range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true)
      .toArray()
    return decided
      .filter((row) => caseIds.has(row.caseId))
      .map((row) => ({ caseId: row.caseId, kind: row.kind }))
  }

  /** The cases opened in a (short) range and their decisions, counted one by one from their fact rows. */
  async function tallyOfPart(range: MetricsRange): Promise<CaseTally> {
    const between = [range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true] as const
    const [rows, decided, policy] = await Promise.all([
      db.caseFacts
        .where('createdAt')
        .between(...between)
        .toArray(),
      db.decisionFacts
        .where('caseCreatedAt')
        .between(...between)
        .toArray(),
      settings.read(SETTINGS.slaPolicy),
    ])
    const cases = rows.map((row) => unpackCaseFacts(row.createdAt, row.facts))
    const tally = emptyTally()
    for (const day of dayTallies(cases, decided, policy).values()) mergeTally(tally, day)
    return tally
  }

  return {
    /** The tally of the cases opened in the range. */
    async tallyOpenedIn(range: MetricsRange): Promise<CaseTally> {
      const { days, parts } = splitByDay(range)
      const [dayRows, ...partTallies] = await Promise.all([
        days
          ? db.caseDays
              .where('day')
              .between(days.first ?? Dexie.minKey, days.last ?? Dexie.maxKey, true, true)
              .toArray()
          : [],
        ...parts.map(tallyOfPart),
      ])
      const tally = emptyTally()
      for (const row of dayRows) mergeTally(tally, row.tally)
      for (const part of partTallies) mergeTally(tally, part)
      return tally
    },

    /** The same cases, whole, for the CSV export. */
    async caseListOpenedIn(range: MetricsRange): Promise<CaseFacts<Case>[]> {
      const cases = await db.cases
        .where('createdAt')
        .between(range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true)
        .toArray()
      const [outcomes, policy] = await Promise.all([
        outcomesOf(range, new Set(cases.map((record) => record.id))),
        settings.read(SETTINGS.slaPolicy),
      ])
      return caseFacts(cases, outcomes, policy)
    },
  }
}
