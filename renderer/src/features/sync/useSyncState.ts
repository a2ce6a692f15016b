import { currentSyncState, subscribeToSyncState } from '@services/team-sync/sync-state'
import type { SyncState } from '@shared/protocol/sync/engine'
import { useSyncExternalStore } from 'react'

/** The sync engine's last reported state, for the top bar and Settings; null while it is not running. */
export const useSyncState = (): SyncState | null =>
  useSyncExternalStore(subscribeToSyncState, currentSyncState)
