import type { WorkstationDatabase } from '@db/database'
import { retimeOpenCases } from '@db/repositories/cases'
import type { OutboxRow, SyncRecordRow } from '@db/schema'
import { correctedNow, workstationClock } from '@db/sync-clock'
import {
  REPORT_TEXT_SYNC_STATE,
  REPORT_TEXT_UPDATES_TABLE,
  SYNC_META_KEYS,
  SYNC_TABLE_OF,
  type TableSyncEntity,
  type UnreadableRecord,
} from '@db/sync-tables'
import {
  AUDITED_ENTITIES,
  type AuditEntry,
  type AuditedEntity,
  type ReportUpdate,
  type SlaClockEvent,
} from '@shared/domain'
import { base64ToBytes, bytesToBase64 } from '@shared/protocol/sync/base64'
import type { SyncStorage } from '@shared/protocol/sync/engine'
import type { HlcClock } from '@shared/protocol/sync/hlc'
import { recordValues } from '@shared/protocol/sync/merge'
import type { Change, FieldWrite, Mutation, MutationResult } from '@shared/protocol/sync/protocol'
import { recordFromValues } from '@shared/protocol/sync/record-schemas'
import { applyRemoteChange, stampedTooFarAhead } from '@shared/protocol/sync/replica'
import { SETTINGS } from '@shared/rules/settings/registry'
import { caseSlaInstants } from '@shared/rules/sla/case-sla'
import { storedSlaPolicy } from '@shared/rules/sla/policy'

const mutationOf = (row: OutboxRow): Mutation => ({
  mutationId: row.mutationId!,
  entity: row.entity,
  entityId: row.entityId,
  caseId: row.caseId,
  fields: row.fields,
  deleted: row.deleted,
})

const SYSTEM_ACTOR = { id: 'team-server', name: 'Team sync' }

/**
 * The engine's storage over the workstation database: the outbox, each record's field stamps, the
 * pull cursor and the clock. Pulled changes are written through this connection, which captures
 * nothing, so they never go back out. `now` is this computer's clock, corrected by the server's.
 */
export function createSyncReplica(db: WorkstationDatabase, clientId: string, now: () => number = Date.now) {
  const meta = async <T>(key: string): Promise<T | undefined> =>
    (await db.syncMeta.get(key))?.value as T | undefined
  /** This workstation's hybrid clock as stored (call within a transaction holding syncMeta). */
  const storedClock = async () =>
    workstationClock(clientId, now, {
      clock: await meta(SYNC_META_KEYS.clock),
      offset: await meta(SYNC_META_KEYS.clockOffset),
    })

  /**
   * A mutation the server found stamped ahead of its clock (this computer's ran fast), stamped again
   * by the corrected clock and queued to go again. The record's stamps move with it where they are
   * still this mutation's (a later pulled write keeps its own).
   */
  async function restamp(row: OutboxRow, hlc: string): Promise<void> {
    const stored = await db.syncRecords.get([row.entity, row.entityId])
    if (stored) {
      const stamps = { ...stored.stamps }
      for (const [name, write] of Object.entries(row.fields))
        if (stamps[name] === write.hlc) stamps[name] = hlc
      const deleted = row.deleted && stored.deleted === row.deleted ? hlc : stored.deleted
      await db.syncRecords.put({ ...stored, stamps, deleted })
    }
    const fields: Record<string, FieldWrite> = Object.fromEntries(
      Object.entries(row.fields).map(([name, write]) => [name, { ...write, hlc }]),
    )
    await db.syncOutbox.put({
      ...row,
      fields,
      deleted: row.deleted ? hlc : null,
      state: 'pending',
      restamped: true,
    })
  }

  /**
   * A report text update from the team server goes into y-dexie's table, where open editors pick
   * it up. This workstation's own come back and are skipped, as is one already stored.
   */
  async function storeReportTextUpdate(change: Change): Promise<string | null> {
    if (change.entityId.startsWith(`${clientId}-`)) return null
    if (await db.syncRecords.get(['reportUpdate', change.entityId])) return null
    const read = recordFromValues(
      'reportUpdate',
      change,
      recordValues({ fields: change.fields, deleted: null }),
    )
    if ('problem' in read) return read.problem
    const update = read.record as ReportUpdate
    await db.table(REPORT_TEXT_UPDATES_TABLE).add({ k: update.reportId, u: base64ToBytes(update.update) })
    await db.syncRecords.put({ entity: 'reportUpdate', entityId: change.entityId, stamps: {}, deleted: null })
    return null
  }

  const storage: SyncStorage = {
    /** Marks what it returns as sent, so later edits of those records queue a new mutation. */
    pendingMutations: (limit) =>
      db.transaction('rw', db.syncOutbox, async () => {
        const rows = await db.syncOutbox
          .orderBy('mutationId')
          .filter((row) => row.state !== 'rejected')
          .limit(limit)
          .toArray()
        const unsent = rows.filter((row) => row.state === 'pending')
        if (unsent.length)
          await db.syncOutbox.bulkPut(unsent.map((row) => ({ ...row, state: 'sent' as const })))
        return rows.map(mutationOf)
      }),

    pendingCount: () => db.syncOutbox.count(),

    /**
     * A refusal for a clock ahead of the server's is healed once by re-stamping (the engine stored
     * the server's time before settling); refused again, it is parked with the server's reason.
     */
    settle: (results: MutationResult[]) =>
      db.transaction('rw', [db.syncOutbox, db.auditEntries, db.syncRecords, db.syncMeta], async () => {
        const rows = await db.syncOutbox.bulkGet(results.map((result) => result.mutationId))
        let clock: HlcClock | undefined
        for (const [index, result] of results.entries()) {
          const row = rows[index]
          if (!row) continue
          if (result.outcome === 'rejected' && result.code === 'clock-ahead' && !row.restamped) {
            clock ??= await storedClock()
            await restamp(row, clock.tick())
            continue
          }
          if (result.outcome === 'rejected') {
            await db.syncOutbox.put({ ...row, state: 'rejected', reason: result.reason })
            continue
          }
          await db.syncOutbox.delete(result.mutationId)
          if (result.outcome === 'applied' && result.overtaken.length && row.caseId && isAudited(row.entity))
            await db.auditEntries.add(overtakenEntry(row, result.overtaken))
        }
        if (clock) await db.syncMeta.put({ key: SYNC_META_KEYS.clock, value: clock.current() })
      }),

    applyChanges: (all: Change[]) => {
      const textUpdates = all.filter((change) => change.entity === 'reportUpdate')
      const changes = all.filter(
        (change): change is Change & { entity: TableSyncEntity } => change.entity !== 'reportUpdate',
      )
      return db.transaction(
        'rw',
        [
          ...new Set(changes.map((change) => SYNC_TABLE_OF[change.entity])),
          REPORT_TEXT_UPDATES_TABLE,
          'syncRecords',
          'syncMeta',
          'settings',
          // A new team SLA policy re-times the open cases here, as saving it does.
          'cases',
        ],
        async () => {
          const slaPolicy = storedSlaPolicy((await db.settings.get(SETTINGS.slaPolicy.key))?.value)
          let newSlaPolicy = false
          const offset = await meta(SYNC_META_KEYS.clockOffset)
          const clock = await storedClock()
          const unreadable = new Map(
            ((await meta<UnreadableRecord[]>(SYNC_META_KEYS.unreadable)) ?? []).map((entry) => [
              entry.entityId,
              entry,
            ]),
          )
          /** Merges one change; false when it changed nothing here. */
          const apply = async (change: Change & { entity: TableSyncEntity }): Promise<boolean> => {
            const table = db.table(SYNC_TABLE_OF[change.entity])
            const [values, stamps] = await Promise.all([
              table.get(change.entityId) as Promise<Record<string, unknown> | undefined>,
              db.syncRecords.get([change.entity, change.entityId]),
            ])
            for (const write of Object.values(change.fields)) clock.receive(write.hlc)
            const outcome = applyRemoteChange(change, stamps && { values: values ?? {}, stamps })
            if (outcome.kind === 'unchanged') return false
            let unreadableProblem: string | null = null
            if (outcome.kind === 'remove') await table.delete(change.entityId)
            else if (outcome.kind === 'unreadable') unreadableProblem = outcome.problem
            else {
              const record = outcome.record
              // The SLA instants are derived here under this workstation's policy, not taken as sent.
              if (change.entity === 'case')
                Object.assign(record, caseSlaInstants(record.slaEvents as SlaClockEvent[], slaPolicy))
              if (change.entity === 'teamSetting' && record.key === SETTINGS.slaPolicy.key)
                newSlaPolicy = true
              await table.put(record)
            }
            // The stamps go last: a record whose write failed keeps its old ones.
            const row: SyncRecordRow = { entity: change.entity, entityId: change.entityId, ...outcome.stamps }
            await db.syncRecords.put(row)
            unreadable.delete(change.entityId)
            if (unreadableProblem !== null)
              unreadable.set(change.entityId, {
                entity: change.entity,
                entityId: change.entityId,
                problem: unreadableProblem,
              })
            return true
          }
          for (const change of changes) {
            // Judged before its stamps reach the clock: one stamp from the future would otherwise win
            // over every later edit here and carry this workstation's clock (and its writes) along.
            const ahead = stampedTooFarAhead(change, correctedNow(now, offset)())
            if (ahead) {
              unreadable.set(change.entityId, {
                entity: change.entity,
                entityId: change.entityId,
                problem: ahead,
                stampedAhead: true,
              })
              continue
            }
            try {
              // A sound version of a record kept out for its stamps supersedes it, even if nothing here changes.
              if (!(await apply(change)) && unreadable.get(change.entityId)?.stampedAhead)
                unreadable.delete(change.entityId)
            } catch (error) {
              // One record that cannot be stored does not stop the pull: it is listed, the rest go on.
              unreadable.set(change.entityId, {
                entity: change.entity,
                entityId: change.entityId,
                problem: `A ${change.entity} from the server (${change.entityId}) could not be stored: ${error instanceof Error ? error.message : String(error)}`,
              })
            }
          }
          if (newSlaPolicy)
            await retimeOpenCases(db, storedSlaPolicy((await db.settings.get(SETTINGS.slaPolicy.key))?.value))
          for (const change of textUpdates) {
            const problem = await storeReportTextUpdate(change).catch(
              (error: unknown) =>
                `A report text update from the server (${change.entityId}) could not be stored: ${error instanceof Error ? error.message : String(error)}`,
            )
            if (problem)
              unreadable.set(change.entityId, { entity: change.entity, entityId: change.entityId, problem })
          }
          await db.syncMeta.bulkPut([
            { key: SYNC_META_KEYS.clock, value: clock.current() },
            { key: SYNC_META_KEYS.unreadable, value: [...unreadable.values()] },
          ])
        },
      )
    },

    cursor: async () => (await meta<number>(SYNC_META_KEYS.cursor)) ?? 0,
    setCursor: async (cursor) => {
      await db.syncMeta.put({ key: SYNC_META_KEYS.cursor, value: cursor })
    },
    setClockOffset: async (ms) => {
      await db.syncMeta.put({ key: SYNC_META_KEYS.clockOffset, value: ms })
    },
  }
  return storage
}

const isAudited = (entity: string): entity is AuditedEntity =>
  (AUDITED_ENTITIES as readonly string[]).includes(entity)

function overtakenEntry(row: OutboxRow, fields: string[]): AuditEntry {
  return {
    id: crypto.randomUUID(),
    caseId: row.caseId!,
    entity: row.entity as AuditedEntity,
    entityId: row.entityId,
    action: 'overtaken',
    at: new Date().toISOString(),
    actor: SYSTEM_ACTOR,
    changes: [],
    summary:
      `A later edit made elsewhere overtook this workstation's change of ${fields.join(', ')}: the later one stands`.slice(
        0,
        500,
      ),
  }
}

/**
 * Sends the bytes of new evidence after its record: each pending blob still held here goes once;
 * one that is not here (removed meanwhile) has nothing to send.
 */
export async function uploadPendingBlobs(
  db: WorkstationDatabase,
  upload: (sha256: string, bytes: Uint8Array) => Promise<void>,
): Promise<void> {
  for (const { sha256 } of await db.syncBlobs.where('state').equals('pending').toArray()) {
    const stored = await db.evidenceBlobs.get(sha256)
    if (stored) await upload(sha256, new Uint8Array(await stored.blob.arrayBuffer()))
    await db.syncBlobs.put({ sha256, state: 'uploaded' })
  }
}

/**
 * Puts this workstation's new report text updates (y-dexie's rows flagged local, from where the
 * last call stopped) into the outbox, for reports the server knows. Runs before each push.
 */
export async function queueReportTextUpdates(
  db: WorkstationDatabase,
  clientId: string,
  now: () => number = Date.now,
): Promise<void> {
  const updates = db.table(REPORT_TEXT_UPDATES_TABLE)
  await db.transaction('rw', [updates, db.syncOutbox, db.reports, db.syncRecords, db.syncMeta], async () => {
    const state = (await updates.get(REPORT_TEXT_SYNC_STATE)) as { unsentFrom: number } | undefined
    if (!state) return
    const rows = (await updates.where('i').between(state.unsentFrom, Number.POSITIVE_INFINITY).toArray()) as {
      i: number
      k: string
      u: Uint8Array
      f?: number
    }[]
    if (rows.length === 0) return
    const clock = workstationClock(clientId, now, {
      clock: (await db.syncMeta.get(SYNC_META_KEYS.clock))?.value,
      offset: (await db.syncMeta.get(SYNC_META_KEYS.clockOffset))?.value,
    })
    for (const row of rows) {
      if (row.f !== 1) continue
      const report = await db.reports.get(row.k)
      if (!report || !(await db.syncRecords.get(['report', row.k]))) continue
      const hlc = clock.tick()
      const update: ReportUpdate = {
        id: `${clientId}-${row.i}`,
        reportId: report.id,
        caseId: report.caseId,
        update: bytesToBase64(row.u),
        createdAt: new Date().toISOString(),
      }
      await db.syncOutbox.add({
        entity: 'reportUpdate',
        entityId: update.id,
        caseId: report.caseId,
        fields: Object.fromEntries(Object.entries(update).map(([name, value]) => [name, { value, hlc }])),
        deleted: null,
        state: 'pending',
        queuedAt: update.createdAt,
      })
    }
    await updates.put({ i: REPORT_TEXT_SYNC_STATE, unsentFrom: rows.at(-1)!.i + 1 })
    await db.syncMeta.put({ key: SYNC_META_KEYS.clock, value: clock.current() })
  })
}
