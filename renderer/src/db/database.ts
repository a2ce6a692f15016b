import type {
  AuditEntry,
  Claim,
  Communication,
  ContactAttempt,
  CustodyEvent,
  Determination,
  Evidence,
  EvidenceAnnotation,
  Note,
  OrderRecord,
  Party,
  Report,
  ReportVersion,
  Task,
  TimelineEvent,
} from '@shared/domain'
import type { SyncEntity } from '@shared/protocol/sync/protocol'
import type { CaseFactsRow, DecisionFactsRow } from '@shared/rules/metrics/fact-rows'
import type { ClauseLedgerRow } from '@shared/rules/policy/clause-ledger'
import Dexie, { type Table } from 'dexie'
import yDexie from 'y-dexie'
import { caseActivityMiddleware } from './middleware/case-activity'
import { derivedFieldsMiddleware } from './middleware/derived-fields'
import { type CaseDayRow, factTablesMiddleware } from './middleware/fact-tables'
import type { SyncCapture } from './middleware/sync-capture'
import { MIGRATIONS } from './migrations'
import {
  CASE_RECORD_TABLES,
  type CaseRow,
  type EvidenceBlobRow,
  type OutboxRow,
  type SettingRow,
  type SyncBlobRow,
  type SyncMetaRow,
  type SyncRecordRow,
} from './schema'

export const DEFAULT_DATABASE_NAME = 'critical-response-workstation'

export class WorkstationDatabase extends Dexie {
  cases!: Table<CaseRow, string>
  parties!: Table<Party, string>
  timelineEvents!: Table<TimelineEvent, string>
  tasks!: Table<Task, string>
  notes!: Table<Note, string>
  communications!: Table<Communication, string>
  evidence!: Table<Evidence, string>
  evidenceBlobs!: Table<EvidenceBlobRow, string>
  custodyEvents!: Table<CustodyEvent, string>
  annotations!: Table<EvidenceAnnotation, string>
  determinations!: Table<Determination, string>
  orders!: Table<OrderRecord, string>
  contactAttempts!: Table<ContactAttempt, string>
  claims!: Table<Claim, string>
  reports!: Table<Report, string>
  reportVersions!: Table<ReportVersion, string>
  auditEntries!: Table<AuditEntry, string>
  settings!: Table<SettingRow, string>
  syncOutbox!: Table<OutboxRow, number>
  syncRecords!: Table<SyncRecordRow, [SyncEntity, string]>
  syncMeta!: Table<SyncMetaRow, string>
  syncBlobs!: Table<SyncBlobRow, string>
  caseFacts!: Table<CaseFactsRow, string>
  decisionFacts!: Table<DecisionFactsRow, string>
  caseDays!: Table<CaseDayRow, string>
  clauseLedger!: Table<ClauseLedgerRow, string>

  constructor(name = DEFAULT_DATABASE_NAME, options: { capture?: SyncCapture } = {}) {
    super(name, { addons: [yDexie] })
    this.use({ stack: 'dbcore', name: 'derivedFields', create: derivedFieldsMiddleware })
    this.use({ stack: 'dbcore', name: 'factTables', create: factTablesMiddleware })
    if (options.capture) this.use(options.capture.middleware)
    // Above the capture, so the case's updatedAt it moves is sent with the change that moved it.
    this.use({ stack: 'dbcore', name: 'caseActivity', create: caseActivityMiddleware, level: 20 })
    for (const { version, stores, upgrade } of MIGRATIONS) {
      const declared = this.version(version).stores(stores)
      if (upgrade) declared.upgrade(upgrade)
    }
  }
}

/** Every table, for transactions that write whole cases (import, demo load, removal). */
export function everyTable(db: WorkstationDatabase) {
  return [db.cases, db.evidenceBlobs, db.settings, ...CASE_RECORD_TABLES.map((name) => db.table(name))]
}

export function createWorkstationDatabase(
  name = DEFAULT_DATABASE_NAME,
  options: { capture?: SyncCapture } = {},
): WorkstationDatabase {
  return new WorkstationDatabase(name, options)
}
