import type { SyncState } from '@shared/protocol/sync/engine'
import type { PullRequest, PushRequest } from '@shared/protocol/sync/protocol'

/** What the page tells the sync worker. */
export type ToSyncWorker =
  | { type: 'start'; databaseName: string; clientId: string; online: boolean }
  | { type: 'syncNow' }
  | { type: 'online'; online: boolean }
  | { type: 'answer'; requestId: number; ok: true; body: unknown }
  | { type: 'answer'; requestId: number; ok: false; message: string }

/**
 * What the worker tells the page: its state, and requests for the host (the worker cannot reach
 * Electron's preload bridge, so the page carries pushes and pulls to the host and back).
 */
export type FromSyncWorker =
  | { type: 'state'; state: SyncState }
  | { type: 'request'; requestId: number; operation: 'push'; body: PushRequest }
  | { type: 'request'; requestId: number; operation: 'pull'; body: PullRequest }
  | {
      type: 'request'
      requestId: number
      operation: 'uploadBlob'
      body: { sha256: string; bytes: Uint8Array }
    }
