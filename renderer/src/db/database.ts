import type {
  AuditEntry,
  Case,
  CaseStatus,
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
import { OPEN_STATUSES } from '@shared/domain/case-status'
import { titleWords } from '@shared/domain/title-words'
import type { Mutation, SyncEntity } from '@shared/protocol/sync/protocol'
import type { RecordStamps } from '@shared/protocol/sync/replica'
import type { CaseFactsRow, DecisionFactsRow } from '@shared/rules/metrics/fact-rows'
import type { ClauseLedgerRow } from '@shared/rules/policy/clause-ledger'
import { caseSlaInstants, openingSlaEvent } from '@shared/rules/sla/case-sla'
import type { SlaClockEvent } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY, storedSlaPolicy } from '@shared/rules/sla/policy'
import Dexie, { type DBCore, type Table } from 'dexie'
import yDexie from 'y-dexie'
import { caseActivityMiddleware } from './middleware/case-activity'
import { type CaseDayRow, countedFromScratch, factTablesMiddleware } from './middleware/fact-tables'
import type { SyncCapture } from './middleware/sync-capture'

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
  'annotations',
  'determinations',
  'orders',
  'contactAttempts',
  'claims',
  'reports',
  'reportVersions',
  'auditEntries',
] as const
export type CaseRecordTable = (typeof CASE_RECORD_TABLES)[number]

// Version 1. Compound indexes serve the queue's views: open cases by SLA due ([status+slaDueAt]),
// my cases ([assigneeId+status]), recently updated per status or category, severity by SLA due.
export const SCHEMA_VERSION_1 = {
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
}

/** The stored case row: the domain case plus its title's words, indexed for search (never exported). */
export type CaseRow = Case & { titleWords?: string[] }

/** A determination as version 6 to 10 stored it: plus the clauses found violated (an index version 11 drops). */
type VersionSixDetermination = Determination & { violatedClauses?: string[] }

/**
 * Fields the database derives from a row to index it: written below every write path (repositories,
 * imports, the demo loader, sync, `modify`), so no caller can forget them, and never exported or synced.
 */
const DERIVED_INDEX_FIELDS: Record<string, (row: never) => Record<string, unknown>> = {
  cases: (row: CaseRow) => ({ titleWords: titleWords(row.title) }),
}
export const DERIVED_FIELD_NAMES = ['titleWords'] as const

/** A stored row without the fields the database derived for its indexes. */
export function withoutDerivedFields<T extends object>(row: T): T {
  const copy = { ...row } as Record<string, unknown>
  for (const field of DERIVED_FIELD_NAMES) delete copy[field]
  return copy as T
}

function derivedFieldsMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name)
      const derive = DERIVED_INDEX_FIELDS[name] as ((row: unknown) => Record<string, unknown>) | undefined
      if (!derive) return table
      return {
        ...table,
        mutate(request) {
          if (request.type !== 'add' && request.type !== 'put') return table.mutate(request)
          const values = request.values.map((row: object) => ({ ...row, ...derive(row) }))
          return table.mutate({ ...request, values })
        },
      }
    },
  }
}

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
    this.version(1).stores(SCHEMA_VERSION_1)
    // Version 2: SLA clocks replay events (opening, status and severity changes) under the policy in
    // Settings; cases also index when they become at risk. Older cases get their events rebuilt from
    // the stamps version 1 kept.
    this.version(2)
      .stores({
        cases:
          'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
      })
      .upgrade((tx) =>
        tx
          .table('cases')
          .toCollection()
          .modify((record: Case & { sla?: VersionOneSla }) => {
            if (record.slaEvents) return
            record.slaEvents = slaEventsFromVersionOne(record, record.sla)
            Object.assign(record, caseSlaInstants(record.slaEvents, DEFAULT_SLA_POLICY))
            delete record.sla
          }),
      )
    // Version 3: title words are indexed (multi-entry), so searching titles is an index read, not a
    // scan of every case. The middleware fills the words in as the upgrade rewrites each case.
    this.version(3)
      .stores({
        cases:
          'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, *titleWords, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
      })
      .upgrade((tx) =>
        tx
          .table('cases')
          .toCollection()
          .modify((record: CaseRow) => {
            record.titleWords = titleWords(record.title)
          }),
      )
    // Version 4: analysts' marks on evidence (shapes, redactions, timestamped notes), kept apart from
    // the evidence bytes so the originals stay as imported.
    this.version(4).stores({ annotations: 'id, caseId, evidenceId' })
    // Version 5: team sync. The outbox of changes not yet on the server, each synced record's field
    // stamps, and the sync state (cursor, clock, session). Case numbers are no longer unique: two
    // workstations offline can open the same number, and a pulled case must never fail to store.
    // Report text as Y.js updates, and evidence bytes waiting to be sent.
    this.version(5).stores({
      cases:
        'id, caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, *titleWords, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
      syncOutbox: '++mutationId, [entity+entityId+state], state',
      syncRecords: '[entity+entityId]',
      syncMeta: 'key',
      syncBlobs: 'sha256, state',
      // The report's text as a Y.js document; y-dexie keeps its updates in `$reports.bodyDoc_updates`.
      reports: 'id, caseId, bodyDoc: Y.Doc',
    })
    // Version 6 indexed the clauses determinations found violated (a derived field); the consistency
    // helper reads the clause ledger instead since version 10, and version 11 drops both.
    this.version(6).stores({ determinations: 'id, caseId, partyId, *violatedClauses' })
    // Version 7: the marketplace orders of a case (items, drop-off, events with GPS points, chat).
    this.version(7).stores({ orders: 'id, caseId, orderId' })
    // Version 8: small rows beside the cases and determinations with what the dashboard and the
    // consistency helper count (see fact-tables.ts); version 10 fills them.
    this.version(8).stores({
      caseFacts: 'id, createdAt',
      decisionFacts: 'id, caseId, caseCreatedAt, *violatedClauses',
    })
    // Version 9: party verification: every attempt to reach a party, and the corroboration matrix's claims.
    this.version(9).stores({
      contactAttempts: 'id, caseId, partyId, [caseId+at]',
      claims: 'id, caseId, [caseId+position]',
    })
    // Version 10: a tally of the cases opened each day and a ledger of decisions per category and
    // clause (see fact-tables.ts), so the dashboard and the consistency helper read a few rows, not
    // every case; a decision's facts also keep its case's category. Everything is counted afresh.
    this.version(10)
      .stores({ decisionFacts: 'id, caseId, caseCreatedAt', caseDays: 'day', clauseLedger: 'key' })
      .upgrade(async (tx) => {
        const counted = countedFromScratch(
          await tx.table('cases').toArray(),
          await tx.table('determinations').toArray(),
          (await tx.table('settings').get('slaPolicy'))?.value,
        )
        for (const [name, rows] of Object.entries(counted)) {
          await tx.table(name).clear()
          await tx.table(name).bulkPut(rows)
        }
      })
    // Version 11: determinations no longer carry the violated-clauses field and index of version 6.
    this.version(11)
      .stores({ determinations: 'id, caseId, partyId' })
      .upgrade((tx) =>
        tx
          .table('determinations')
          .toCollection()
          .modify((record: VersionSixDetermination) => {
            delete record.violatedClauses
          }),
      )
    // Version 12: an open case's SLA due instant is when the target its chip shows runs out, counted
    // as the clock counts (a pause after a breach moves it too), so the queue's SLA order and its
    // chips agree; stored cases are re-timed under the workstation's policy. No index changes.
    this.version(12)
      .stores({})
      .upgrade(async (tx) => {
        const policy = storedSlaPolicy((await tx.table('settings').get('slaPolicy'))?.value)
        await tx
          .table('cases')
          .where('status')
          .anyOf([...OPEN_STATUSES])
          .modify((record: Case) => {
            Object.assign(record, caseSlaInstants(record.slaEvents, policy))
          })
      })
  }
}

/** Every table, for transactions that write whole cases (import, demo load, removal). */
export function everyTable(db: WorkstationDatabase) {
  return [db.cases, db.evidenceBlobs, db.settings, ...CASE_RECORD_TABLES.map((name) => db.table(name))]
}

/** The SLA stamps of schema version 1. */
interface VersionOneSla {
  firstRespondedAt: string | null
  resolvedAt: string | null
}

/** Rebuilds clock events from version 1's stamps: opened, first response, resolution, current status. */
function slaEventsFromVersionOne(record: Case, sla: VersionOneSla | undefined): SlaClockEvent[] {
  const events: SlaClockEvent[] = [openingSlaEvent(record.createdAt, 'new', record.severity)]
  let status: CaseStatus = 'new'
  let at = record.createdAt
  const change = (when: string, to: CaseStatus) => {
    at = [at, when].sort()[1]!
    status = to
    events.push({ type: 'status', at, status })
  }
  if (sla?.firstRespondedAt) change(sla.firstRespondedAt, 'investigating')
  if (sla?.resolvedAt) change(sla.resolvedAt, 'resolved')
  if (status !== record.status) change(record.updatedAt, record.status)
  return events
}

export function createWorkstationDatabase(
  name = DEFAULT_DATABASE_NAME,
  options: { capture?: SyncCapture } = {},
): WorkstationDatabase {
  return new WorkstationDatabase(name, options)
}
