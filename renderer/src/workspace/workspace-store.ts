import type { QueueViewId } from '@db/repositories/queue-views'
import {
  EMPTY_QUEUE_FILTER,
  type QueueFilter,
  type QueueSort,
  type SavedQueueView,
} from '@shared/rules/queue/queue-filter'
import { create } from 'zustand'
import type { CaseRequest } from './case-requests'
import type { SettingsSection } from './settings-sections'

interface WorkspaceUiState {
  selectedCaseId: string | null
  selectedEvidenceId: string | null
  searchText: string
  queueView: QueueViewId
  /** The saved view the filter and sort came from, if any (its base view is "All cases"). */
  savedViewId: string | null
  queueFilter: QueueFilter
  queueSort: QueueSort
  settingsOpen: boolean
  /** The section Settings opens at (scrolled into view, its heading focused); null: the top. */
  settingsSection: SettingsSection | null
  aboutOpen: boolean
  shortcutsOpen: boolean
  paletteOpen: boolean
  newCaseOpen: boolean
  dashboardOpen: boolean
  handoffOpen: boolean
  /** Asked of the open case by a shortcut or the palette; the component that answers it clears it. */
  caseRequest: { request: CaseRequest; serial: number } | null
  selectCase(caseId: string | null): void
  selectEvidence(evidenceId: string | null): void
  setSearchText(text: string): void
  /** A built-in view, with no custom filter and in the view's own order. */
  setQueueView(view: QueueViewId): void
  openSavedView(view: SavedQueueView): void
  setQueueFilter(filter: QueueFilter): void
  setQueueSort(sort: QueueSort): void
  /** Every way into Settings: the gear, Ctrl+, and each deep link ("Load demo data…" → Demo data). */
  openSettings(section?: SettingsSection): void
  setSettingsOpen(open: boolean): void
  setAboutOpen(open: boolean): void
  setShortcutsOpen(open: boolean): void
  setPaletteOpen(open: boolean): void
  setNewCaseOpen(open: boolean): void
  setDashboardOpen(open: boolean): void
  setHandoffOpen(open: boolean): void
  requestCaseAction(request: CaseRequest): void
  clearCaseRequest(): void
}

/** What the analyst is looking at. UI state only: records are read from the database. */
export const useWorkspaceUi = create<WorkspaceUiState>()((set) => ({
  selectedCaseId: null,
  selectedEvidenceId: null,
  searchText: '',
  queueView: 'all',
  savedViewId: null,
  queueFilter: EMPTY_QUEUE_FILTER,
  queueSort: 'view',
  settingsOpen: false,
  settingsSection: null,
  aboutOpen: false,
  shortcutsOpen: false,
  paletteOpen: false,
  newCaseOpen: false,
  dashboardOpen: false,
  handoffOpen: false,
  caseRequest: null,
  selectCase: (selectedCaseId) => set({ selectedCaseId, selectedEvidenceId: null }),
  selectEvidence: (selectedEvidenceId) => set({ selectedEvidenceId }),
  setSearchText: (searchText) => set({ searchText }),
  setQueueView: (queueView) =>
    set({ queueView, savedViewId: null, queueFilter: EMPTY_QUEUE_FILTER, queueSort: 'view' }),
  openSavedView: (view) =>
    set({ queueView: 'all', savedViewId: view.id, queueFilter: view.filter, queueSort: view.sort }),
  setQueueFilter: (queueFilter) => set({ queueFilter }),
  setQueueSort: (queueSort) => set({ queueSort }),
  openSettings: (section) => set({ settingsOpen: true, settingsSection: section ?? null }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen, settingsSection: null }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setNewCaseOpen: (newCaseOpen) => set({ newCaseOpen }),
  setDashboardOpen: (dashboardOpen) => set({ dashboardOpen }),
  setHandoffOpen: (handoffOpen) => set({ handoffOpen }),
  requestCaseAction: (request) =>
    set((state) => ({ caseRequest: { request, serial: (state.caseRequest?.serial ?? 0) + 1 } })),
  clearCaseRequest: () => set({ caseRequest: null }),
}))
