import type { Migration } from './migration'

// Small rows beside the cases and determinations with what the dashboard and the consistency helper
// count (see middleware/fact-tables.ts); version 10 fills them.
export const v08FactTables: Migration = {
  version: 8,
  stores: {
    caseFacts: 'id, createdAt',
    decisionFacts: 'id, caseId, caseCreatedAt, *violatedClauses',
  },
}
