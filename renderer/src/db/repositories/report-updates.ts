import type { ReportUpdate } from '../../../../shared/domain'
import type { WorkstationDatabase } from '../database'
import { SYNC_META_KEYS } from '../sync-tables'

const toBase64 = (bytes: Uint8Array) => {
  let text = ''
  for (let start = 0; start < bytes.length; start += 0x8000)
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000))
  return btoa(text)
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))

/**
 * A report's text as Y.js updates: the editor adds one per burst of typing, the sync worker adds
 * those pulled from the team server, and applying them all gives the same text on every workstation.
 */
export function createReportUpdateRepository(db: WorkstationDatabase, now: () => string) {
  return {
    /** The ids of a report's updates (cheap: read from the index). */
    idsForReport: (reportId: string): Promise<string[]> =>
      db.reportUpdates.where('reportId').equals(reportId).primaryKeys(),

    /** The bytes of these updates. */
    async bytesOf(ids: string[]): Promise<Uint8Array[]> {
      const updates = await db.reportUpdates.bulkGet(ids)
      return updates.flatMap((update) => (update ? [fromBase64(update.update)] : []))
    },

    async append(report: { id: string; caseId: string }, bytes: Uint8Array): Promise<string> {
      const update: ReportUpdate = {
        id: crypto.randomUUID(),
        reportId: report.id,
        caseId: report.caseId,
        update: toBase64(bytes),
        createdAt: now(),
      }
      await db.reportUpdates.add(update)
      return update.id
    },

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
  }
}
