import { repositories } from '@db/instance'
import type { ReportDocument } from '@shared/formats/report/report-document'
import { useCallback, useEffect, useRef, useState } from 'react'

/** Typing pauses this long before the text is written to the database. */
export const AUTOSAVE_DELAY_MS = 300

const journalKey = (reportId: string) => `crw:report-journal:${reportId}`

interface JournalEntry {
  body: ReportDocument
  at: string
}

/**
 * Text typed but not yet saved when the page went away (reload, crash of the tab, window closed):
 * written synchronously to localStorage on `pagehide`, and taken back the next time the report opens
 * if it is newer than what the database holds.
 */
export function takeReportJournal(reportId: string, savedAt: string): ReportDocument | null {
  const raw = localStorage.getItem(journalKey(reportId))
  if (!raw) return null
  try {
    const entry = JSON.parse(raw) as JournalEntry
    return entry.at > savedAt ? entry.body : null
  } catch {
    return null
  } finally {
    localStorage.removeItem(journalKey(reportId))
  }
}

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'failed'; message: string }
  | { kind: 'locked' }

/** What the report's status line says about saving. */
export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case 'pending':
      return 'Saving…'
    case 'failed':
      return `Not saved: ${state.message}`
    case 'locked':
      return 'Final and locked: Amend to change it'
    case 'saved':
      return 'All changes saved'
  }
}

/**
 * Saves the report text a moment after each change, and at once when the page is hidden or the
 * editor closes; whatever is still unsaved when the page goes away is journaled (see above). A
 * locked (final) report has nothing to save: its text is kept as the final version.
 */
export function useReportAutosave(
  reportId: string,
  options: { locked: boolean; onSaved?: (body: ReportDocument) => void },
) {
  const { locked, onSaved } = options
  // The text is read from the editor when it is saved, not on every keystroke: serializing a long
  // report per key would cost more than the keystroke itself.
  const pending = useRef<{ read: () => ReportDocument; at: string } | null>(null)
  const pendingShown = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [state, setState] = useState<SaveState>({ kind: 'saved' })

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const next = pending.current
    if (!next) return
    try {
      const body = next.read()
      await repositories.reports.saveBody(reportId, body)
      onSaved?.(body)
      if (pending.current === next) {
        pending.current = null
        pendingShown.current = false
        localStorage.removeItem(journalKey(reportId))
        setState({ kind: 'saved' })
      }
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    }
  }, [reportId, onSaved])

  const changed = useCallback(
    (read: () => ReportDocument) => {
      if (locked) return
      pending.current = { read, at: new Date().toISOString() }
      if (!pendingShown.current) {
        pendingShown.current = true
        setState({ kind: 'pending' })
      }
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
    },
    [flush, locked],
  )

  useEffect(() => {
    const journal = () => {
      const unsaved = pending.current
      if (unsaved)
        localStorage.setItem(
          journalKey(reportId),
          JSON.stringify({ body: unsaved.read(), at: unsaved.at } satisfies JournalEntry),
        )
      void flush()
    }
    const hidden = () => {
      if (document.visibilityState === 'hidden') journal()
    }
    window.addEventListener('pagehide', journal)
    document.addEventListener('visibilitychange', hidden)
    return () => {
      window.removeEventListener('pagehide', journal)
      document.removeEventListener('visibilitychange', hidden)
      void flush()
    }
  }, [reportId, flush])

  return { changed, flush, state: locked ? ({ kind: 'locked' } as const) : state }
}
