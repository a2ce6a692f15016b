import Dexie from 'dexie'
import type { Case } from '../../../../shared/domain'
import {
  type CaseFacts,
  type CaseOutcome,
  caseFacts,
  type MetricsRange,
} from '../../../../shared/metrics/case-metrics'
import { type OutcomeKey, unpackMetricsKey } from '../../../../shared/metrics/metrics-key'
import type { WorkstationDatabase } from '../database'
import type { SettingsRepository } from './settings'

/**
 * The cases the dashboard counts: those opened in the range. The charts read index keys only (each
 * case's facts packed in `[createdAt+metricsKey]`, each decided outcome in `outcomeKey`), never the
 * rows; the CSV export reads the whole cases, as it writes their numbers and titles.
 */
export function createCaseMetricsRepository(db: WorkstationDatabase, settings: SettingsRepository) {
  async function outcomesOf(caseIds: ReadonlySet<string>): Promise<CaseOutcome[]> {
    const keys = (await db.determinations.orderBy('outcomeKey').keys()) as unknown as OutcomeKey[]
    return keys.filter(([caseId]) => caseIds.has(caseId)).map(([caseId, kind]) => ({ caseId, kind }))
  }

  return {
    async factsOpenedIn(range: MetricsRange): Promise<CaseFacts[]> {
      const keys = (await db.cases
        .where('[createdAt+metricsKey]')
        // Both parts are strings: '' sorts before any, '\uffff' after any (timestamps, packed facts).
        .between([range.from ?? '', ''], [range.to ?? '\uffff', '\uffff'], true, true)
        .keys()) as unknown as Array<[string, string]>
      const cases = keys.map(([createdAt, packed]) => unpackMetricsKey(createdAt, packed))
      const [outcomes, policy] = await Promise.all([
        outcomesOf(new Set(cases.map((record) => record.id))),
        settings.getSlaPolicy(),
      ])
      return caseFacts(cases, outcomes, policy)
    },

    /** The same cases, whole, for the CSV export. */
    async caseListOpenedIn(range: MetricsRange): Promise<CaseFacts<Case>[]> {
      const cases = await db.cases
        .where('createdAt')
        .between(range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true)
        .toArray()
      const [outcomes, policy] = await Promise.all([
        outcomesOf(new Set(cases.map((record) => record.id))),
        settings.getSlaPolicy(),
      ])
      return caseFacts(cases, outcomes, policy)
    },
  }
}
