import { create } from 'zustand'

/** A case's evidence bundle export as its Evidence tab shows it: the step under way, or how it ended. */
export type BundleExport =
  /** `progress` from 0 to 1, or null while it cannot be measured (the save dialog is open). */
  | { state: 'running'; step: string; progress: number | null }
  | { state: 'finished'; severity: 'success' | 'info' | 'error'; message: string }

interface BundleExportState {
  exports: Record<string, BundleExport>
  set(caseId: string, status: BundleExport): void
  clear(caseId: string): void
}

/** Evidence bundle exports by case (UI state only: the export itself is recorded in custody). */
export const useBundleExports = create<BundleExportState>()((set) => ({
  exports: {},
  set: (caseId, status) => set((state) => ({ exports: { ...state.exports, [caseId]: status } })),
  clear: (caseId) =>
    set((state) => {
      const { [caseId]: _cleared, ...rest } = state.exports
      return { exports: rest }
    }),
}))
