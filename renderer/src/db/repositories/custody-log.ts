import type { Actor, CustodyAction, Evidence } from '@shared/domain'
import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'

/**
 * The append-only chain of custody of evidence items. Lines are listed by time, then by id: ids that
 * count up keep two lines written in the same millisecond in the order they happened.
 */
export function createCustodyLog(db: WorkstationDatabase, now: () => string) {
  let sequence = 0
  return {
    append: (item: Evidence, action: CustodyAction, by: Actor, detail: string, sha256 = item.sha256) =>
      db.custodyEvents.add({
        id: `${String(++sequence).padStart(9, '0')}-${crypto.randomUUID()}`,
        evidenceId: item.id,
        caseId: item.caseId,
        action,
        at: now(),
        by,
        sha256,
        detail,
      }),
    listForEvidence: (evidenceId: string) =>
      db.custodyEvents
        .where('[evidenceId+at]')
        .between([evidenceId, Dexie.minKey], [evidenceId, Dexie.maxKey])
        .toArray(),
  }
}
export type CustodyLog = ReturnType<typeof createCustodyLog>
