import Dexie from 'dexie'
import { type CaseFacts, caseFacts, type MetricsRange } from '../../../../shared/metrics/case-metrics'
import type { WorkstationDatabase } from '../database'
import type { SettingsRepository } from './settings'

/** The cases the dashboard counts: those opened in the range (from the createdAt index), with their outcomes. */
export function createCaseMetricsRepository(db: WorkstationDatabase, settings: SettingsRepository) {
  return {
    async factsOpenedIn(range: MetricsRange): Promise<CaseFacts[]> {
      const cases = await db.cases
        .where('createdAt')
        .between(range.from ?? Dexie.minKey, range.to ?? Dexie.maxKey, true, true)
        .toArray()
      const ids = cases.map((record) => record.id)
      // Few cases: look their determinations up by case; many: one pass over the table is cheaper.
      const determinations =
        ids.length < 2_000
          ? await db.determinations.where('caseId').anyOf(ids).toArray()
          : await db.determinations.toArray()
      return caseFacts(cases, determinations, await settings.getSlaPolicy())
    },
  }
}
