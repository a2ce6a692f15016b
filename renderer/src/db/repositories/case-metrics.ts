import Dexie from 'dexie'
import type { Case } from '../../../../shared/domain'
import {
  type CaseFacts,
  type CaseOutcome,
  caseFacts,
  type MetricsRange,
} from '../../../../shared/metrics/case-metrics'
import { unpackCaseFacts } from '../../../../shared/metrics/fact-rows'
import type { WorkstationDatabase } from '../database'
import type { SettingsRepository } from './settings'

/**
 * The cases the dashboard counts: those opened in the range. The charts read the small fact rows kept
 * beside the cases and determinations (see fact-tables.ts), never the cases themselves; the CSV
 * export reads the whole cases, as it writes their numbers and titles.
 */
export function createCaseMetricsRepository(db: WorkstationDatabase, settings: SettingsRepository) {
  /** The decisions on the cases opened in the range (read by their case's opening time). */
  async function outcomesOf(range: MetricsRange, caseIds: ReadonlySet<string>): Promise<CaseOutcome[]> {
    const decided =
      range.from === null && range.to === null
        ? await db.decisionFacts.toArray()
        : await db.decisionFacts
            .where('caseCreatedAt')
            .between(range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true)
            .toArray()
    return decided
      .filter((row) => caseIds.has(row.caseId))
      .map((row) => ({ caseId: row.caseId, kind: row.kind }))
  }

  return {
    async factsOpenedIn(range: MetricsRange): Promise<CaseFacts[]> {
      const rows = await db.caseFacts
        .where('createdAt')
        .between(range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true)
        .toArray()
      const cases = rows.map((row) => unpackCaseFacts(row.createdAt, row.facts))
      const [outcomes, policy] = await Promise.all([
        outcomesOf(range, new Set(cases.map((record) => record.id))),
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
        outcomesOf(range, new Set(cases.map((record) => record.id))),
        settings.getSlaPolicy(),
      ])
      return caseFacts(cases, outcomes, policy)
    },
  }
}
