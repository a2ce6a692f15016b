import { create } from 'zustand'
import type { CaseSection } from './case-sections'
import type { SettingsSection } from './settings-sections'

interface WorkspaceUiState {
  selectedCaseId: string | null
  selectedEvidenceId: string | null
  /** The tab of the open case on screen (it stays when another case is opened). */
  caseSection: CaseSection
  searchText: string
  settingsOpen: boolean
  /** The section Settings opens at (scrolled into view, its heading focused); null: the top. */
  settingsSection: SettingsSection | null
  selectCase(caseId: string | null): void
  selectEvidence(evidenceId: string | null): void
  showCaseSection(section: CaseSection): void
  setSearchText(text: string): void
  /** Every way into Settings: the gear, Ctrl+, and each deep link ("Load demo data…" → Demo data). */
  openSettings(section?: SettingsSection): void
  setSettingsOpen(open: boolean): void
}

/** What the analyst is looking at, as the features share it. UI state only: records are read from the database. */
export const useWorkspaceUi = create<WorkspaceUiState>()((set) => ({
  selectedCaseId: null,
  selectedEvidenceId: null,
  caseSection: 'Overview',
  searchText: '',
  settingsOpen: false,
  settingsSection: null,
  selectCase: (selectedCaseId) => set({ selectedCaseId, selectedEvidenceId: null }),
  selectEvidence: (selectedEvidenceId) => set({ selectedEvidenceId }),
  showCaseSection: (caseSection) => set({ caseSection }),
  setSearchText: (searchText) => set({ searchText }),
  openSettings: (section) => set({ settingsOpen: true, settingsSection: section ?? null }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen, settingsSection: null }),
}))
