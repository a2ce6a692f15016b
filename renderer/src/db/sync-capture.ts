import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie'
import { createHlcClock } from '../../../shared/sync/hlc'
import { coalesceWrites, localWrites, type RecordStamps, stampsAfter } from '../../../shared/sync/replica'
import type { OutboxRow, SyncRecordRow } from './database'
import { caseIdOf, SYNC_BOOKKEEPING_TABLES, SYNC_ENTITY_OF_TABLE, SYNC_META_KEYS } from './sync-tables'

type Row = Record<string, unknown> & { id?: unknown; caseId?: unknown }

/**
 * Captures every write to a synced table, whichever repository, import or upgrade made it, into
 * the outbox in the same transaction: the change and its outbox entry exist together or not at all.
 * Capture runs only while this workstation is signed in to a team server; the sync worker writes
 * pulled changes through its own connection, which has no capture, so they are never sent back.
 */
export function createSyncCapture() {
  let clientId: string | null = null
  /** Transactions opened while capturing, with the node that stamps their writes. */
  const capturing = new WeakMap<DBCoreTransaction, string>()

  async function primaryKeys(table: DBCoreTable, request: DBCoreMutateRequest): Promise<unknown[]> {
    if (request.type === 'delete') return request.keys
    if (request.type === 'deleteRange')
      return (
        await table.query({
          trans: request.trans,
          values: false,
          query: { index: table.schema.primaryKey, range: request.range },
        })
      ).result
    if (request.keys) return request.keys
    if (request.values.length === 0 && request.type === 'put' && request.updates) return request.updates.keys
    return request.values.map((value) => table.schema.primaryKey.extractKey!(value))
  }

  async function record(
    down: DBCore,
    trans: DBCoreTransaction,
    tableName: string,
    keys: unknown[],
    before: (Row | undefined)[],
    after: (Row | undefined)[],
    node: string,
  ) {
    const entity = SYNC_ENTITY_OF_TABLE.get(tableName)!
    const meta = down.table('syncMeta')
    const outbox = down.table('syncOutbox')
    const stampsTable = down.table('syncRecords')
    const clockRow = await meta.get({ trans, key: SYNC_META_KEYS.clock })
    const clock = createHlcClock(node, Date.now, (clockRow?.value as string | undefined) ?? undefined)
    let wrote = false
    for (const [index, key] of keys.entries()) {
      const old = before[index]
      const next = after[index] ?? null
      const writes = localWrites(old, next, clock.tick)
      if (!writes) continue
      wrote = true
      const entityId = String(key)
      const current: SyncRecordRow | undefined = await stampsTable.get({ trans, key: [entity, entityId] })
      const stamps: RecordStamps = stampsAfter(current, writes)
      await stampsTable.mutate({ type: 'put', trans, values: [{ entity, entityId, ...stamps }] })
      const unsent: OutboxRow | undefined = (
        await outbox.query({
          trans,
          values: true,
          limit: 1,
          query: {
            index: outbox.schema.getIndexByKeyPath(['entity', 'entityId', 'state'])!,
            range: { type: 1, lower: [entity, entityId, 'pending'], upper: [entity, entityId, 'pending'] },
          },
        })
      ).result[0]
      const row: OutboxRow = unsent
        ? { ...unsent, ...coalesceWrites(unsent, writes) }
        : {
            entity,
            entityId,
            caseId: caseIdOf(entity, (next ?? old) as Row),
            ...writes,
            state: 'pending',
            queuedAt: new Date().toISOString(),
          }
      await outbox.mutate({ type: 'put', trans, values: [row] })
    }
    if (wrote)
      await meta.mutate({
        type: 'put',
        trans,
        values: [{ key: SYNC_META_KEYS.clock, value: clock.current() }],
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
          async mutate(request) {
            const node = capturing.get(request.trans)
            if (node === undefined) return table.mutate(request)
            const keys = await primaryKeys(table, request)
            const before = await table.getMany({ trans: request.trans, keys })
            const result = await table.mutate(request)
            const after = await table.getMany({ trans: request.trans, keys })
            await record(down, request.trans, name, keys, before, after, node)
            return result
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
