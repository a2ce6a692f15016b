import { countedFromScratch } from '../middleware/fact-tables'
import type { Migration } from './migration'

// A tally of the cases opened each day and a ledger of decisions per category and clause (see
// middleware/fact-tables.ts), so the dashboard and the consistency helper read a few rows, not every
// case; a decision's facts also keep its case's category. Everything is counted afresh.
export const v10CountFactsAfresh: Migration = {
  version: 10,
  stores: { decisionFacts: 'id, caseId, caseCreatedAt', caseDays: 'day', clauseLedger: 'key' },
  upgrade: async (tx) => {
    const counted = countedFromScratch(
      await tx.table('cases').toArray(),
      await tx.table('determinations').toArray(),
      (await tx.table('settings').get('slaPolicy'))?.value,
    )
    for (const [name, rows] of Object.entries(counted)) {
      await tx.table(name).clear()
      await tx.table(name).bulkPut(rows)
    }
  },
}
