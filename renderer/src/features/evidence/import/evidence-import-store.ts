import { create } from 'zustand'

export type ImportJobState = 'waiting' | 'hashing' | 'checking' | 'storing' | 'done' | 'failed' | 'cancelled'

/** One file on its way into a case, as the import panel shows it. */
export interface ImportJob {
  id: string
  caseId: string
  /** The file's name as received (stored as the item's original name). */
  name: string
  /** The name as shown: direction overrides and control characters replaced. */
  shownName: string
  size: number
  hashed: number
  state: ImportJobState
  /** The outcome in words: "Added as E-3", "Already in this case as E-2", or why it failed. */
  message: string
  /** Set when the photo was added but the image check found it incomplete or damaged. */
  warning?: string
}

interface EvidenceImportState {
  jobs: ImportJob[]
  add(jobs: ImportJob[]): void
  update(id: string, patch: Partial<ImportJob>): void
  clearFinished(caseId: string): void
}

/** Files being imported (UI state: progress and outcomes; the items themselves are in the database). */
export const useEvidenceImports = create<EvidenceImportState>()((set) => ({
  jobs: [],
  add: (jobs) => set((state) => ({ jobs: [...state.jobs, ...jobs] })),
  update: (id, patch) =>
    set((state) => ({ jobs: state.jobs.map((job) => (job.id === id ? { ...job, ...patch } : job)) })),
  clearFinished: (caseId) =>
    set((state) => ({
      jobs: state.jobs.filter(
        (job) => job.caseId !== caseId || !['done', 'failed', 'cancelled'].includes(job.state),
      ),
    })),
}))
