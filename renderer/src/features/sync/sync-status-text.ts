import type { SyncState } from '@shared/protocol/sync/engine'
import { formatDateTime } from '@ui/format/time'

/** The top bar's words for the sync state: short label, and the detail for its tooltip. */
export function syncStatusText(
  state: SyncState | null,
  pendingCount: number,
): { label: string; detail: string } {
  const waiting = pendingCount > 0 ? ` · ${pendingCount} waiting` : ''
  const last = state?.lastSynced ? `Last synced ${formatDateTime(state.lastSynced)}.` : 'Not synced yet.'
  if (!state) return { label: `Starting sync${waiting}`, detail: last }
  switch (state.kind) {
    case 'offline':
      return {
        label: `Offline${waiting}`,
        detail: `No network: changes wait here and go when it returns. ${last}`,
      }
    case 'syncing':
      return { label: `Syncing${waiting}`, detail: last }
    case 'up-to-date':
      return { label: pendingCount > 0 ? `Up to date${waiting}` : 'Up to date', detail: last }
    case 'error':
      return {
        label: `Sync error${waiting}`,
        detail: `${state.message} Trying again at ${formatDateTime(state.retryAt)}. ${last}`,
      }
  }
}
