import type { Determination } from '@shared/domain'
import type { Migration } from './migration'

/** A determination as version 6 to 10 stored it: plus the clauses found violated (an index version 11 drops). */
type VersionSixDetermination = Determination & { violatedClauses?: string[] }

// Determinations no longer carry the violated-clauses field and index of version 6.
export const v11DropViolatedClauses: Migration = {
  version: 11,
  stores: { determinations: 'id, caseId, partyId' },
  upgrade: (tx) =>
    tx
      .table('determinations')
      .toCollection()
      .modify((record: VersionSixDetermination) => {
        delete record.violatedClauses
      }),
}
