import { repositories } from '@db/instance'
import type { ReportDocument } from '@shared/formats/report/report-document'
import type { Schema } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { useEffect, useState } from 'react'
import { DexieYProvider } from 'y-dexie'
import * as Y from 'yjs'
import { REPORT_FRAGMENT } from './extensions/report-extensions'

export type ReportDocumentStatus = 'waiting' | 'ready'

/**
 * The report's text as a Y.js document kept by y-dexie: loaded from its stored updates, kept up to
 * date as updates synced from other workstations arrive, every local edit stored as a new update
 * (which the sync worker sends). A report this workstation made that has no text yet is seeded from
 * its stored text; another's waits for its maker's first update. Null until loaded.
 */
export function useReportDocument(
  reportId: string,
  seedBody: ReportDocument,
  schema: () => Schema,
): { doc: Y.Doc; status: ReportDocumentStatus } | null {
  const [loaded, setLoaded] = useState<{ doc: Y.Doc; status: ReportDocumentStatus } | null>(null)
  // A document y-dexie destroyed (its report row went away and came back, say) is loaded afresh.
  const [generation, setGeneration] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per report (and fresh document)
  useEffect(() => {
    const doc = repositories.reportText.document(reportId)
    const provider = DexieYProvider.load(doc)
    let stopped = false
    const hasText = () => doc.getXmlFragment(REPORT_FRAGMENT).length > 0
    const show = (status: ReportDocumentStatus) => {
      if (!stopped) setLoaded({ doc, status })
    }
    const onUpdate = () => {
      if (hasText()) show('ready')
    }
    const onDestroy = () => {
      if (!stopped) setGeneration((current) => current + 1)
    }
    doc.on('destroy', onDestroy)
    void provider.whenLoaded.then(async () => {
      if (stopped) return
      if (hasText()) return show('ready')
      if (await repositories.reportText.maySeed(reportId)) {
        if (stopped) return
        if (!hasText())
          Y.applyUpdate(
            doc,
            Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema(), seedBody, REPORT_FRAGMENT)),
          )
        return show('ready')
      }
      doc.on('update', onUpdate)
      show('waiting')
    })
    return () => {
      stopped = true
      doc.off('update', onUpdate)
      doc.off('destroy', onDestroy)
      DexieYProvider.release(doc)
    }
  }, [reportId, generation])
  return loaded
}
