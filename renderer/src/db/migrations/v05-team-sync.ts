import type { Migration } from './migration'

// Team sync. The outbox of changes not yet on the server, each synced record's field stamps, and the
// sync state (cursor, clock, session). Case numbers are no longer unique: two workstations offline can
// open the same number, and a pulled case must never fail to store. Report text as Y.js updates, and
// evidence bytes waiting to be sent.
export const v05TeamSync: Migration = {
  version: 5,
  stores: {
    cases:
      'id, caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, *titleWords, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
    syncOutbox: '++mutationId, [entity+entityId+state], state',
    syncRecords: '[entity+entityId]',
    syncMeta: 'key',
    syncBlobs: 'sha256, state',
    // The report's text as a Y.js document; y-dexie keeps its updates in `$reports.bodyDoc_updates`.
    reports: 'id, caseId, bodyDoc: Y.Doc',
  },
}
