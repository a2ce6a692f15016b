import type { Schema } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { liveQuery } from 'dexie'
import { useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import type { ReportDocument } from '../../../../shared/report/report-document'
import { repositories } from '../../db/instance'
import { REPORT_FRAGMENT } from './extensions/report-extensions'

/** Updates that came from storage (this workstation's earlier ones or another's): not stored again. */
const STORED = Symbol('stored')
/** Edits in a burst go into one stored update. */
const STORE_DELAY_MS = 300

export type ReportDocumentStatus = 'loading' | 'waiting' | 'ready'

/**
 * The report's text as a Y.js document: built from every stored update (this workstation's and
 * those synced from others), kept up to date as more arrive, and each local burst of edits stored as
 * a new update (which the outbox sends). A report this workstation made and that has no update yet
 * is seeded from its stored text; another's waits for its maker's first update.
 */
export function useReportDocument(
  report: { id: string; caseId: string },
  seedBody: ReportDocument,
  schema: () => Schema,
): { doc: Y.Doc; status: ReportDocumentStatus } {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new document for each report
  const doc = useMemo(() => new Y.Doc(), [report.id])
  const [status, setStatus] = useState<ReportDocumentStatus>('loading')
  // biome-ignore lint/correctness/useExhaustiveDependencies: one subscription per report and document
  useEffect(() => {
    const applied = new Set<string>()
    const pending: Uint8Array[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    let first = true
    const store = () => {
      clearTimeout(timer)
      if (pending.length === 0) return
      void repositories.reportUpdates.append(report, Y.mergeUpdates(pending.splice(0)))
    }
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === STORED) return
      pending.push(update)
      clearTimeout(timer)
      timer = setTimeout(store, STORE_DELAY_MS)
    }
    doc.on('update', onUpdate)
    const subscription = liveQuery(() => repositories.reportUpdates.idsForReport(report.id)).subscribe(
      async (ids) => {
        const isFirst = first
        first = false
        const unseen = ids.filter((id) => !applied.has(id))
        for (const id of unseen) applied.add(id)
        const updates = await repositories.reportUpdates.bytesOf(unseen)
        if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates), STORED)
        if (!isFirst) {
          if (updates.length) setStatus('ready')
          return
        }
        if (updates.length || ids.length) setStatus('ready')
        else if (await repositories.reportUpdates.maySeed(report.id)) {
          Y.applyUpdate(
            doc,
            Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema(), seedBody, REPORT_FRAGMENT)),
          )
          setStatus('ready')
        } else setStatus('waiting')
      },
    )
    window.addEventListener('pagehide', store)
    return () => {
      window.removeEventListener('pagehide', store)
      subscription.unsubscribe()
      doc.off('update', onUpdate)
      store()
    }
  }, [doc])
  return { doc, status }
}
