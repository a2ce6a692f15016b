import type { Case } from '@shared/domain'
import type { Mutation, SyncEntity } from '@shared/protocol/sync/protocol'
import type { RecordStamps } from '@shared/protocol/sync/replica'

/** The bytes of one evidence file, stored once per SHA-256 however many items cite it. */
export interface EvidenceBlobRow {
  sha256: string
  blob: Blob
  size: number
}

/** A local change waiting to reach the team server ('sent' once a push carrying it has gone out). */
export interface OutboxRow extends Omit<Mutation, 'mutationId'> {
  mutationId?: number
  state: 'pending' | 'sent' | 'rejected'
  /** Why the server refused it (shown to the analyst, who can copy or retry it). */
  reason?: string
  /**
   * Re-stamped by the server's time after the server found its stamps ahead of its clock: done once;
   * refused again, it is parked like any refusal (a retry clears it for one more try).
   */
  restamped?: boolean
  queuedAt: string
}

/** When each field of a synced record was last written, for merging other workstations' writes. */
export interface SyncRecordRow extends RecordStamps {
  entity: SyncEntity
  entityId: string
}

/** Evidence bytes to send to the team server (their record is sent through the outbox). */
export interface SyncBlobRow {
  sha256: string
  state: 'pending' | 'uploaded'
}

export interface SyncMetaRow {
  key: string
  value: unknown
}

export interface SettingRow {
  key: string
  value: unknown
}

/** The stored case row: the domain case plus its title's words, indexed for search (never exported). */
export type CaseRow = Case & { titleWords?: string[] }

/**
 * Every table and its indexes as the last migration leaves them (migrations/ holds how each version
 * got here; a test keeps the two in step). Read this to know what the database holds today.
 */
export const CURRENT_STORES = {
  cases:
    'id, caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, *titleWords, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
  parties: 'id, caseId, accountId, role',
  timelineEvents: 'id, caseId, [caseId+occurredAt]',
  tasks: 'id, caseId, [caseId+position]',
  notes: 'id, caseId, [caseId+createdAt]',
  communications: 'id, caseId, [caseId+occurredAt]',
  evidence: 'id, caseId, sha256, [caseId+exhibitNumber]',
  evidenceBlobs: 'sha256',
  custodyEvents: 'id, evidenceId, caseId, [evidenceId+at]',
  annotations: 'id, caseId, evidenceId',
  determinations: 'id, caseId, partyId',
  orders: 'id, caseId, orderId',
  contactAttempts: 'id, caseId, partyId, [caseId+at]',
  claims: 'id, caseId, [caseId+position]',
  reports: 'id, caseId, bodyDoc: Y.Doc',
  reportVersions: 'id, reportId, caseId',
  auditEntries: 'id, caseId, [caseId+at], at',
  settings: 'key',
  syncOutbox: '++mutationId, [entity+entityId+state], state',
  syncRecords: '[entity+entityId]',
  syncMeta: 'key',
  syncBlobs: 'sha256, state',
  caseFacts: 'id, createdAt',
  decisionFacts: 'id, caseId, caseCreatedAt',
  caseDays: 'day',
  clauseLedger: 'key',
}

/** Tables that hold records of one case (each row has `caseId`). */
export const CASE_RECORD_TABLES = [
  'parties',
  'timelineEvents',
  'tasks',
  'notes',
  'communications',
  'evidence',
  'custodyEvents',
  'annotations',
  'determinations',
  'orders',
  'contactAttempts',
  'claims',
  'reports',
  'reportVersions',
  'auditEntries',
] as const satisfies readonly (keyof typeof CURRENT_STORES)[]
export type CaseRecordTable = (typeof CASE_RECORD_TABLES)[number]
