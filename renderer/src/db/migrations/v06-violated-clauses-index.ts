import type { Migration } from './migration'

// Indexed the clauses determinations found violated (a derived field); the consistency helper reads
// the clause ledger instead since version 10, and version 11 drops both.
export const v06ViolatedClausesIndex: Migration = {
  version: 6,
  stores: { determinations: 'id, caseId, partyId, *violatedClauses' },
}
