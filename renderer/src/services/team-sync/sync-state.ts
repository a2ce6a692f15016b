import type { SyncState } from '@shared/protocol/sync/engine'

let current: SyncState | null = null
const listeners = new Set<() => void>()

/** The sync engine's last reported state: null while it is not running. */
export const currentSyncState = (): SyncState | null => current

/** Calls `listener` whenever the state changes; returns how to stop. */
export function subscribeToSyncState(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** What the sync worker reported (null once it stops). */
export function reportSyncState(state: SyncState | null): void {
  current = state
  for (const listener of listeners) listener()
}
