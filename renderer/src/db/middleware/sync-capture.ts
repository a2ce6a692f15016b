import { coalesceWrites, localWrites, stampsAfter } from '@shared/protocol/sync/replica'
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie'
import type { OutboxRow, SyncRecordRow } from '../schema'
import { workstationClock } from '../sync-clock'
import {
  caseIdOf,
  isTeamRecord,
  SYNC_BOOKKEEPING_TABLES,
  SYNC_ENTITY_OF_TABLE,
  SYNC_META_KEYS,
  syncsRecord,
} from '../sync-tables'

type Row = Record<string, unknown> & { id?: unknown; caseId?: unknown }

/**
 * Captures every write to a synced table, whichever repository, import or upgrade made it, into
 * the outbox in the same transaction: the change and its outbox entry exist together or not at all.
 * Capture runs only while this workstation is signed in to a team server; the sync worker writes
 * pulled changes through its own connection, which has no capture, so they are never sent back.
 * Writes are stamped by this computer's clock (`now`) corrected by the team server's.
 */
export function createSyncCapture(now: () => number = Date.now) {
  let clientId: string | null = null
  /** Transactions opened while capturing, with the node that stamps their writes. */
  const capturing = new WeakMap<DBCoreTransaction, string>()

  // No async/await below: Dexie keeps its transaction zone only along its own promises' `then`
  // chains, and the layers under this one read the transaction from that zone.

  function primaryKeys(table: DBCoreTable, request: DBCoreMutateRequest): unknown[] | Promise<unknown[]> {
    if (request.type === 'delete') return request.keys
    if (request.type === 'deleteRange')
      return table
        .query({
          trans: request.trans,
          values: false,
          query: { index: table.schema.primaryKey, range: request.range },
        })
        .then((found) => found.result)
    if (request.keys) return request.keys
    if (request.values.length === 0 && request.type === 'put' && request.updates) return request.updates.keys
    return request.values.map((value) => table.schema.primaryKey.extractKey!(value))
  }

  /** Stamps the changed fields and queues (or folds into the unsent) outbox entry, one record after another. */
  function record(
    down: DBCore,
    trans: DBCoreTransaction,
    tableName: string,
    keys: unknown[],
    before: (Row | undefined)[],
    after: (Row | undefined)[],
    node: string,
  ): Promise<unknown> {
    const entity = SYNC_ENTITY_OF_TABLE.get(tableName)!
    const meta = down.table('syncMeta')
    const outbox = down.table('syncOutbox')
    const stampsTable = down.table('syncRecords')
    const byRecord = outbox.schema.getIndexByKeyPath(['entity', 'entityId', 'state'])!
    return meta.getMany({ trans, keys: [SYNC_META_KEYS.clock, SYNC_META_KEYS.clockOffset] }).then((rows) => {
      const [clockRow, offsetRow] = rows as ({ value: unknown } | undefined)[]
      const clock = workstationClock(node, now, { clock: clockRow?.value, offset: offsetRow?.value })
      const changes = keys.flatMap((key, index) => {
        const old = before[index]
        const next = after[index] ?? null
        if (!syncsRecord(entity, next ?? old)) return []
        const writes = localWrites(old, next, clock.tick)
        return writes
          ? [
              {
                entityId: String(key),
                caseId: caseIdOf(entity, (next ?? old) as Row),
                team: isTeamRecord(entity, next ?? old),
                writes,
                created: old === undefined ? next : null,
              },
            ]
          : []
      })
      if (changes.length === 0) return undefined
      const step = (index: number): Promise<unknown> => {
        const change = changes[index]
        if (!change)
          return meta.mutate({
            type: 'put',
            trans,
            values: [{ key: SYNC_META_KEYS.clock, value: clock.current() }],
          })
        const { caseId, created, team } = change
        // Only cases that sync are shared: a new one, or one already synced, and the records of
        // those. A case from before joining the team (or the demo data) stays on this workstation.
        // Of the records of no case, the team's settings and their audit lines are shared.
        const caseSyncs: Promise<boolean> =
          (entity === 'case' && created) || team
            ? meta.get({ trans, key: SYNC_META_KEYS.clock }).then(() => true)
            : caseId
              ? stampsTable.get({ trans, key: ['case', caseId] }).then(Boolean)
              : meta.get({ trans, key: SYNC_META_KEYS.clock }).then(() => false)
        return caseSyncs.then((syncs) => (syncs ? queue(change) : undefined)).then(() => step(index + 1))
      }
      const queue = ({ entityId, caseId, writes, created }: (typeof changes)[number]): Promise<unknown> => {
        // New evidence: its bytes go to the server after its record (a blob is kept once per hash).
        const queueBytes =
          entity === 'evidence' && created && typeof created.sha256 === 'string'
            ? down
                .table('syncBlobs')
                .mutate({ type: 'put', trans, values: [{ sha256: created.sha256, state: 'pending' }] })
            : meta.get({ trans, key: SYNC_META_KEYS.clock })
        return queueBytes
          .then(() => stampsTable.get({ trans, key: [entity, entityId] }))
          .then((current: SyncRecordRow | undefined) =>
            stampsTable.mutate({
              type: 'put',
              trans,
              values: [{ entity, entityId, ...stampsAfter(current, writes) }],
            }),
          )
          .then(() =>
            outbox.query({
              trans,
              values: true,
              limit: 1,
              query: {
                index: byRecord,
                range: {
                  type: 1,
                  lower: [entity, entityId, 'pending'],
                  upper: [entity, entityId, 'pending'],
                },
              },
            }),
          )
          .then((found) => {
            const unsent = found.result[0] as OutboxRow | undefined
            const row: OutboxRow = unsent
              ? { ...unsent, ...coalesceWrites(unsent, writes) }
              : { entity, entityId, caseId, ...writes, state: 'pending', queuedAt: new Date().toISOString() }
            return outbox.mutate({ type: 'put', trans, values: [row] })
          })
      }
      return step(0)
    })
  }

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'syncCapture',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const synced =
          mode === 'readwrite' && clientId !== null && stores.some((name) => SYNC_ENTITY_OF_TABLE.has(name))
        if (!synced) return down.transaction(stores, mode, options)
        const trans = down.transaction([...new Set([...stores, ...SYNC_BOOKKEEPING_TABLES])], mode, options)
        capturing.set(trans, clientId!)
        return trans
      },
      table(name) {
        const table = down.table(name)
        if (!SYNC_ENTITY_OF_TABLE.has(name)) return table
        return {
          ...table,
          mutate(request) {
            const node = capturing.get(request.trans)
            if (node === undefined) return table.mutate(request)
            const trans = request.trans
            const capture = (keys: unknown[]) =>
              table.getMany({ trans, keys }).then((before) =>
                table.mutate(request).then((result) =>
                  table
                    .getMany({ trans, keys })
                    .then((after) => record(down, trans, name, keys, before, after, node))
                    .then(() => result),
                ),
              )
            const keys = primaryKeys(table, request)
            return Array.isArray(keys) ? capture(keys) : keys.then(capture)
          },
        }
      },
    }),
  }

  return {
    middleware,
    /** Starts capturing writes for this workstation (signed in). */
    start(id: string): void {
      clientId = id
    },
    /** Stops capturing (signed out): later writes stay on this workstation. */
    stop(): void {
      clientId = null
    },
    get capturing(): boolean {
      return clientId !== null
    },
  }
}
export type SyncCapture = ReturnType<typeof createSyncCapture>
