import type { QueueViewId } from '@db/repositories/queue-views'
import {
  EMPTY_QUEUE_FILTER,
  type QueueFilter,
  type QueueSort,
  type SavedQueueView,
} from '@shared/rules/queue/queue-filter'
import { create } from 'zustand'

interface QueueUiState {
  queueView: QueueViewId
  /** The saved view the filter and sort came from, if any (its base view is "All cases"). */
  savedViewId: string | null
  queueFilter: QueueFilter
  queueSort: QueueSort
  /** A built-in view, with no custom filter and in the view's own order. */
  setQueueView(view: QueueViewId): void
  openSavedView(view: SavedQueueView): void
  setQueueFilter(filter: QueueFilter): void
  setQueueSort(sort: QueueSort): void
}

/** Which cases the queue lists and in what order. UI state only: the saved views are in the database. */
export const useQueueUi = create<QueueUiState>()((set) => ({
  queueView: 'all',
  savedViewId: null,
  queueFilter: EMPTY_QUEUE_FILTER,
  queueSort: 'view',
  setQueueView: (queueView) =>
    set({ queueView, savedViewId: null, queueFilter: EMPTY_QUEUE_FILTER, queueSort: 'view' }),
  openSavedView: (view) =>
    set({ queueView: 'all', savedViewId: view.id, queueFilter: view.filter, queueSort: view.sort }),
  setQueueFilter: (queueFilter) => set({ queueFilter }),
  setQueueSort: (queueSort) => set({ queueSort }),
}))
