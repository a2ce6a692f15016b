import { createAccounts, type User } from '@server/accounts'
import type { SqlClient } from '@server/db/sql'
import { createSyncService, type SyncService } from '@server/sync-service'
import { createSyncEngine, type SyncStorage } from '@shared/protocol/sync/engine'
import { createHlcClock } from '@shared/protocol/sync/hlc'
import { isLive, mergeRecord, recordValues, type StoredRecord } from '@shared/protocol/sync/merge'
import type { Change, FieldWrite, Mutation } from '@shared/protocol/sync/protocol'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PGLITE, type TestDatabase } from '../fixtures/server-databases'

/**
 * Three workstations edit the same few records while going offline and online, crashing between a
 * push reaching the server and its answer reaching them, and retrying. Afterwards every workstation
 * and the server hold the same records, and no edit the server acknowledged is lost.
 * One server database serves every generated case; each case uses its own record and client ids.
 */

let database: TestDatabase
let db: SqlClient
let sync: SyncService
let lead: User

beforeAll(async () => {
  database = await PGLITE.open()
  db = database.db
  lead = await createAccounts(db, () => new Date()).createUser(
    { username: 'lee', displayName: 'Lee Park', role: 'lead', password: 'a long enough password' },
    null,
  )
  // The server's clock reads the generated steps' time (they start at 1_800_000_000_000 and add a few ms).
  sync = createSyncService(db, () => 1_800_000_100_000)
})
afterAll(() => database.drop())

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value))
const FIELDS = ['title', 'summary', 'location'] as const

type Step =
  | { kind: 'write'; client: number; record: number; field: (typeof FIELDS)[number]; value: number }
  | { kind: 'delete'; client: number; record: number }
  | { kind: 'sync'; client: number }
  | { kind: 'crash-next-push'; client: number }
  | { kind: 'offline' | 'online'; client: number }
  | { kind: 'tick'; ms: number }

const client = fc.integer({ min: 0, max: 2 })
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      client,
      record: fc.integer({ min: 0, max: 3 }),
      field: fc.constantFrom(...FIELDS),
      value: fc.integer({ min: 0, max: 99 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      client,
      record: fc.integer({ min: 0, max: 3 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), client }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash-next-push' as const), client }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('offline' as const, 'online' as const), client }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3 }) }),
  },
)

/** A workstation with its records, outbox and cursor in memory, on the real engine. */
function workstation(
  name: string,
  now: () => number,
  startCursor: number,
  acknowledged: Map<string, FieldWrite[]>,
) {
  const records = new Map<string, StoredRecord>()
  const outbox: Mutation[] = []
  let cursor = startCursor
  let nextMutation = 1
  let crashNext = false
  const clock = createHlcClock(name, now)
  const storage: SyncStorage = {
    pendingMutations: async (limit) => wire(outbox.slice(0, limit)),
    pendingCount: async () => outbox.length,
    settle: async (results) => {
      for (const result of results) {
        const index = outbox.findIndex((mutation) => mutation.mutationId === result.mutationId)
        const [settled] = outbox.splice(index, 1)
        if (result.outcome === 'rejected') throw new Error(`refused: ${result.reason}`)
        for (const [field, write] of Object.entries(settled!.fields))
          acknowledged.set(`${settled!.entityId}/${field}`, [
            ...(acknowledged.get(`${settled!.entityId}/${field}`) ?? []),
            write,
          ])
      }
    },
    applyChanges: async (changes: Change[]) => {
      for (const change of changes) {
        for (const write of Object.values(change.fields)) clock.receive(write.hlc)
        if (change.deleted) clock.receive(change.deleted)
        records.set(change.entityId, mergeRecord(records.get(change.entityId), change).record)
      }
    },
    cursor: async () => cursor,
    setCursor: async (next) => {
      cursor = next
    },
  }
  const engine = createSyncEngine({
    clientId: name,
    storage,
    transport: {
      push: async (request) => {
        const answer = wire(await sync.push(lead, wire(request)))
        if (crashNext) {
          crashNext = false
          throw new Error('The connection dropped before the answer arrived.')
        }
        return answer
      },
      pull: async (request) => wire(await sync.pull(lead, wire(request))),
    },
    now,
    random: () => 0.5,
    setTimer: () => () => {},
    onState: () => {},
  })
  const local = (entityId: string, writes: Pick<Mutation, 'fields' | 'deleted'>) => {
    records.set(entityId, mergeRecord(records.get(entityId), writes).record)
    outbox.push({ mutationId: nextMutation++, entity: 'case', entityId, caseId: entityId, ...writes })
  }
  return {
    engine,
    records,
    outbox,
    write: (entityId: string, field: string, value: string) =>
      local(entityId, { fields: { [field]: { value, hlc: clock.tick() } }, deleted: null }),
    remove: (entityId: string) => local(entityId, { fields: {}, deleted: clock.tick() }),
    crashNextPush: () => {
      crashNext = true
    },
  }
}

const visible = (records: Map<string, StoredRecord>) =>
  Object.fromEntries(
    [...records].filter(([, record]) => isLive(record)).map(([id, record]) => [id, recordValues(record)]),
  )

let run = 0

describe('sync convergence', () => {
  it('brings every workstation and the server to the same records, losing no acknowledged edit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        run++
        let time = 1_800_000_000_000
        const now = () => time
        const startCursor = Number(
          (await db.query<{ value: string }>('SELECT value FROM change_counter')).rows[0]!.value,
        )
        const acknowledged = new Map<string, FieldWrite[]>()
        const stations = [0, 1, 2].map((index) =>
          workstation(`r${run}c${index}`, now, startCursor, acknowledged),
        )
        const id = (record: number) => `run-${run}-record-${record}`
        for (const action of steps) {
          if (action.kind === 'tick') time += action.ms
          else if (action.kind === 'write')
            stations[action.client]!.write(id(action.record), action.field, `v${action.value}`)
          else if (action.kind === 'delete') stations[action.client]!.remove(id(action.record))
          else if (action.kind === 'sync') await stations[action.client]!.engine.syncNow()
          else if (action.kind === 'crash-next-push') stations[action.client]!.crashNextPush()
          else await stations[action.client]!.engine.setOnline(action.kind === 'online')
        }
        // Everyone back online, then two rounds so each sees what the others pushed.
        for (const station of stations) await station.engine.setOnline(true)
        for (const station of stations) await station.engine.syncNow()
        for (const station of stations) await station.engine.syncNow()

        for (const station of stations) expect(station.outbox).toEqual([])
        const server = new Map<string, StoredRecord>()
        for (let cursor = startCursor, more = true; more; ) {
          const page = await sync.pull(lead, { cursor, limit: 1_000 })
          for (const change of page.changes) server.set(change.entityId, change)
          cursor = page.cursor
          more = page.more
        }
        for (const station of stations) expect(visible(station.records)).toEqual(visible(server))
        for (const [key, writes] of acknowledged) {
          const [entityId, field] = key.split('/') as [string, string]
          const stored = server.get(entityId)!.fields[field]!
          for (const write of writes) {
            expect(stored.hlc >= write.hlc).toBe(true)
            if (stored.hlc === write.hlc) expect(stored.value).toBe(write.value)
          }
        }
      }),
      { numRuns: 1_000 },
    )
  }, 600_000)
})
