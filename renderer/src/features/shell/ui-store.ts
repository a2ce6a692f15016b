import { create } from 'zustand'

interface WorkspaceUiState {
  selectedCaseId: string | null
  selectedEvidenceId: string | null
  searchText: string
  settingsOpen: boolean
  aboutOpen: boolean
  selectCase(caseId: string | null): void
  selectEvidence(evidenceId: string | null): void
  setSearchText(text: string): void
  setSettingsOpen(open: boolean): void
  setAboutOpen(open: boolean): void
}

/** What the analyst is looking at. UI state only: records are read from the database. */
export const useWorkspaceUi = create<WorkspaceUiState>()((set) => ({
  selectedCaseId: null,
  selectedEvidenceId: null,
  searchText: '',
  settingsOpen: false,
  aboutOpen: false,
  selectCase: (selectedCaseId) => set({ selectedCaseId, selectedEvidenceId: null }),
  selectEvidence: (selectedEvidenceId) => set({ selectedEvidenceId }),
  setSearchText: (searchText) => set({ searchText }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
}))
