import type { WorkstationDatabase } from '@db/database'
import { createSyncEngine } from '@shared/protocol/sync/engine'
import { createSyncReplica, queueReportTextUpdates, uploadPendingBlobs } from './sync-replica'

/**
 * The sync engine over a workstation database, as the sync worker runs it: report text queued
 * before each push, evidence bytes sent after it. `now` is this computer's clock (Date.now).
 */
export function createWorkstationSyncEngine(
  db: WorkstationDatabase,
  clientId: string,
  deps: Pick<Parameters<typeof createSyncEngine>[0], 'transport' | 'onState' | 'setTimer'> & {
    uploadBlob(sha256: string, bytes: Uint8Array): Promise<void>
    now?: () => number
  },
) {
  const now = deps.now ?? Date.now
  return createSyncEngine({
    clientId,
    storage: createSyncReplica(db, clientId, now),
    transport: deps.transport,
    now,
    random: Math.random,
    setTimer: deps.setTimer,
    onState: deps.onState,
    beforePush: () => queueReportTextUpdates(db, clientId, now),
    afterPush: () => uploadPendingBlobs(db, deps.uploadBlob),
  })
}
