import type { SyncEntity } from '@shared/protocol/sync/protocol'
import { isTeamSetting } from '@shared/rules/settings/team-settings'

/** Report text updates live in y-dexie's table for the reports' `bodyDoc` (see sync-replica). */
export type TableSyncEntity = Exclude<SyncEntity, 'reportUpdate'>

/** The table that holds each synced kind of record (report text updates aside). */
export const SYNC_TABLE_OF: Record<TableSyncEntity, string> = {
  case: 'cases',
  party: 'parties',
  timelineEvent: 'timelineEvents',
  task: 'tasks',
  note: 'notes',
  communication: 'communications',
  evidence: 'evidence',
  annotation: 'annotations',
  determination: 'determinations',
  order: 'orders',
  contactAttempt: 'contactAttempts',
  claim: 'claims',
  report: 'reports',
  reportVersion: 'reportVersions',
  custodyEvent: 'custodyEvents',
  auditEntry: 'auditEntries',
  teamSetting: 'settings',
}

/** y-dexie's table of the reports' text updates: rows {i (auto), k (report id), u (Y.js update v2), f}. */
export const REPORT_TEXT_UPDATES_TABLE = '$reports.bodyDoc_updates'
/** This workstation's row in that table telling y-dexie which updates are not sent yet. */
export const REPORT_TEXT_SYNC_STATE = 'crw-sync'

export const SYNC_ENTITY_OF_TABLE = new Map(
  Object.entries(SYNC_TABLE_OF).map(([entity, table]) => [table, entity as TableSyncEntity]),
)

/**
 * Whether a record goes to the team server: of the settings, only the team's shared ones (and their
 * audit lines); the rest belong to this workstation.
 */
export function syncsRecord(entity: SyncEntity, record: Record<string, unknown> | undefined): boolean {
  if (entity === 'teamSetting') return isTeamSetting(record?.key)
  return !(entity === 'auditEntry' && record?.entity === 'settings' && !isTeamSetting(record.entityId))
}

/** A shared record that belongs to no case: a team setting, or the audit line of a change to one. */
export const isTeamRecord = (entity: SyncEntity, record: Record<string, unknown> | null | undefined) =>
  entity === 'teamSetting' ||
  (entity === 'auditEntry' && record?.entity === 'settings' && isTeamSetting(record.entityId))

/**
 * A pulled record kept out of the app, shown with the reason: it does not read as its kind, could not
 * be stored, or is stamped too far ahead of this workstation's clock (`stampedAhead`). Kept as a list
 * under `SYNC_META_KEYS.unreadable`.
 */
export interface UnreadableRecord {
  entity: string
  entityId: string
  problem: string
  stampedAhead?: boolean
}

/** The tables every write to a synced record also touches. */
export const SYNC_BOOKKEEPING_TABLES = ['syncOutbox', 'syncRecords', 'syncMeta', 'syncBlobs'] as const

/** The case a record belongs to (a case belongs to itself). */
export function caseIdOf(entity: SyncEntity, record: { id?: unknown; caseId?: unknown }): string | null {
  const caseId = entity === 'case' ? record.id : record.caseId
  return typeof caseId === 'string' && caseId !== '' ? caseId : null
}

export const SYNC_META_KEYS = {
  /** The signed-in session as this workstation knows it (no token: the host keeps that). */
  session: 'session',
  /** This workstation's id towards the server; also the node of its clock. */
  clientId: 'clientId',
  /** The team account that id was made for: the server binds an id to the first account to use it. */
  clientIdOwner: 'clientIdOwner',
  /** The latest hybrid logical clock time issued or seen here. */
  clock: 'clock',
  cursor: 'cursor',
  /**
   * How far the team server's clock is ahead of this computer's (ms; negative when behind), learned
   * from its answers: every hybrid clock here stamps by the corrected time (see sync-clock.ts).
   */
  clockOffset: 'clockOffset',
  /** Pulled records kept out of the app (not readable as their kind, or stamped too far ahead), with the reason. */
  unreadable: 'unreadable',
} as const
