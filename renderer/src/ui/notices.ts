import { create } from 'zustand'

export interface Notice {
  id: number
  severity: 'success' | 'info' | 'warning' | 'error'
  message: string
}

interface NoticeState {
  notices: Notice[]
  show(severity: Notice['severity'], message: string): void
  dismiss(id: number): void
}

let nextId = 1

/** Messages to the analyst about what just happened (import finished, a file was refused ...). */
export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  // A new notice replaces the ones that were only news (success, info, warning): after a run of
  // quick actions the analyst sees the last outcome, not a queue of stale ones. Errors stay until dismissed.
  show: (severity, message) =>
    set((state) => ({
      notices: [
        ...state.notices.filter((notice) => notice.severity === 'error'),
        { id: nextId++, severity, message },
      ],
    })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}))

export const notify = (severity: Notice['severity'], message: string) =>
  useNotices.getState().show(severity, message)

/**
 * Runs one change the analyst asked for; a refusal (validation, workflow rule, full disk) becomes an
 * error notice instead of being lost. Resolves to the result, or undefined when it failed.
 */
export async function attempt<T>(work: () => Promise<T>, success?: string): Promise<T | undefined> {
  try {
    const result = await work()
    if (success) notify('success', success)
    return result
  } catch (failure) {
    notify('error', failure instanceof Error ? failure.message : String(failure))
    return undefined
  }
}
