import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import type { WorkstationDatabase } from '../database'
import { REPORT_TEXT_SYNC_STATE, REPORT_TEXT_UPDATES_TABLE, SYNC_META_KEYS } from '../sync-tables'

/**
 * A report's text as a Y.js document, kept by y-dexie (every edit an update row of its own), so
 * the editor's changes and those synced from other workstations merge instead of overwriting.
 */
export function createReportTextRepository(db: WorkstationDatabase) {
  return {
    /** The report's document (load it with y-dexie's provider before reading it). */
    document: (reportId: string): Y.Doc =>
      DexieYProvider.getOrCreateDocument(db, 'reports', 'bodyDoc', reportId),

    /**
     * Whether this workstation may give the report its first text: it made the report (or has never
     * synced it). Another workstation's report waits for its maker's first update instead, so two
     * workstations never each seed the same text and double it when merged.
     */
    async maySeed(reportId: string): Promise<boolean> {
      const stamps = await db.syncRecords.get(['report', reportId])
      if (!stamps) return true
      const clientId = (await db.syncMeta.get(SYNC_META_KEYS.clientId))?.value
      return typeof clientId === 'string' && (stamps.stamps.id ?? '').endsWith(`:${clientId}`)
    },

    /**
     * On joining a team server: report edits made before now stay local (their reports never went to
     * the server); from here on, y-dexie keeps each update until it is sent.
     */
    async startSending(): Promise<void> {
      const updates = db.table(REPORT_TEXT_UPDATES_TABLE)
      await db.transaction('rw', updates, async () => {
        if (await updates.get(REPORT_TEXT_SYNC_STATE)) return
        const last = (await updates.where('i').between(1, Number.POSITIVE_INFINITY).last()) as
          | { i: number }
          | undefined
        await updates.put({ i: REPORT_TEXT_SYNC_STATE, unsentFrom: (last?.i ?? 0) + 1 })
      })
    },
  }
}
