import Dexie, { type Table } from 'dexie'
import type {
  AuditEntry,
  Case,
  Communication,
  CustodyEvent,
  Determination,
  Evidence,
  Note,
  Party,
  Report,
  ReportVersion,
  Task,
  TimelineEvent,
} from '../../../shared/domain'

/** The bytes of one evidence file, stored once per SHA-256 however many items cite it. */
export interface EvidenceBlobRow {
  sha256: string
  blob: Blob
  size: number
}

export interface SettingRow {
  key: string
  value: unknown
}

export const DEFAULT_DATABASE_NAME = 'critical-response-workstation'

/** Tables that hold records of one case (each row has `caseId`). */
export const CASE_RECORD_TABLES = [
  'parties',
  'timelineEvents',
  'tasks',
  'notes',
  'communications',
  'evidence',
  'custodyEvents',
  'determinations',
  'reports',
  'reportVersions',
  'auditEntries',
] as const
export type CaseRecordTable = (typeof CASE_RECORD_TABLES)[number]

export class WorkstationDatabase extends Dexie {
  cases!: Table<Case, string>
  parties!: Table<Party, string>
  timelineEvents!: Table<TimelineEvent, string>
  tasks!: Table<Task, string>
  notes!: Table<Note, string>
  communications!: Table<Communication, string>
  evidence!: Table<Evidence, string>
  evidenceBlobs!: Table<EvidenceBlobRow, string>
  custodyEvents!: Table<CustodyEvent, string>
  determinations!: Table<Determination, string>
  reports!: Table<Report, string>
  reportVersions!: Table<ReportVersion, string>
  auditEntries!: Table<AuditEntry, string>
  settings!: Table<SettingRow, string>

  constructor(name = DEFAULT_DATABASE_NAME) {
    super(name)
    // Version 1. Compound indexes serve the queue's views: open cases by SLA due ([status+slaDueAt]),
    // my cases ([assigneeId+status]), recently updated per status or category, severity by SLA due.
    this.version(1).stores({
      cases:
        'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, updatedAt, createdAt, *tags, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
      parties: 'id, caseId, accountId, role',
      timelineEvents: 'id, caseId, [caseId+occurredAt]',
      tasks: 'id, caseId, [caseId+position]',
      notes: 'id, caseId, [caseId+createdAt]',
      communications: 'id, caseId, [caseId+occurredAt]',
      evidence: 'id, caseId, sha256, [caseId+exhibitNumber]',
      evidenceBlobs: 'sha256',
      custodyEvents: 'id, evidenceId, caseId, [evidenceId+at]',
      determinations: 'id, caseId, partyId',
      reports: 'id, caseId',
      reportVersions: 'id, reportId, caseId',
      auditEntries: 'id, caseId, [caseId+at], at',
      settings: 'key',
    })
  }
}

/** Every table, for transactions that write whole cases (import, demo load, removal). */
export function everyTable(db: WorkstationDatabase) {
  return [db.cases, db.evidenceBlobs, db.settings, ...CASE_RECORD_TABLES.map((name) => db.table(name))]
}

export function createWorkstationDatabase(name = DEFAULT_DATABASE_NAME): WorkstationDatabase {
  return new WorkstationDatabase(name)
}
