import {
  createSyncEngine,
  type SyncState,
  type SyncStorage,
  type SyncTransport,
} from '@shared/protocol/sync/engine'
import { createHlcClock, type HlcClock } from '@shared/protocol/sync/hlc'
import { mergeRecord, type StoredRecord } from '@shared/protocol/sync/merge'
import type {
  Change,
  FieldWrite,
  Mutation,
  MutationResult,
  RefusalCode,
} from '@shared/protocol/sync/protocol'

/** A change in the outbox: waiting (or sent), or parked with the server's refusal for the analyst to see. */
export interface OutboxEntry {
  mutation: Mutation
  /** Stamped again by the server's time once, after a clock-ahead refusal (as the workstation does). */
  restamped: boolean
  parked: { code: RefusalCode | undefined; reason: string } | null
}

/** A mutation the server acknowledged, as it was when acknowledged (after any re-stamp). */
export interface Acknowledged {
  mutation: Mutation
  outcome: 'applied' | 'duplicate'
}

const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value))

/**
 * A workstation with its records, outbox, cursor and clock in memory, on the real sync engine, as the
 * app's Dexie storage behaves (renderer/src/services/team-sync/sync-replica.ts): writes are stamped by
 * this computer's clock corrected by the server's; a refusal for a clock ahead of the server's is
 * re-stamped once and sent again; any other refusal is parked with its reason. `ownClock` is this
 * computer's clock, which may be wrong. Retries are driven by the test (no timers).
 */
export function memoryWorkstation(options: {
  clientId: string
  ownClock: () => number
  transport: SyncTransport
}) {
  const { clientId, ownClock } = options
  const records = new Map<string, StoredRecord>()
  const outbox: OutboxEntry[] = []
  const acknowledged: Acknowledged[] = []
  /** Every refusal the server answered, including clock-ahead ones healed by a re-stamp. */
  const refusals: (MutationResult & { outcome: 'rejected' })[] = []
  let cursor = 0
  let nextMutation = 1
  let clockOffset = 0
  /** The hybrid clock's last time, kept between uses as the app keeps it in syncMeta. */
  let storedClock: string | undefined
  let state: SyncState | null = null

  /**
   * The clock as the app builds it for each transaction: by the corrected time, resumed from the
   * stored time unless that lies too far ahead (a day-fast clock's stamps, once the offset is known).
   */
  const withClock = <T>(use: (clock: HlcClock) => T): T => {
    const clock = createHlcClock(clientId, () => ownClock() + clockOffset, storedClock)
    const result = use(clock)
    storedClock = clock.current()
    return result
  }

  /** Stamped again by the corrected clock; the record's stamps move with it where they are still its own. */
  const restamp = (entry: OutboxEntry) => {
    const hlc = withClock((clock) => clock.tick())
    const { mutation } = entry
    const record = records.get(mutation.entityId)
    if (record)
      for (const [name, write] of Object.entries(mutation.fields))
        if (record.fields[name]?.hlc === write.hlc) record.fields[name] = { ...write, hlc }
    mutation.fields = Object.fromEntries(
      Object.entries(mutation.fields).map(([name, write]) => [name, { ...write, hlc }]),
    )
    entry.restamped = true
  }

  const storage: SyncStorage = {
    pendingMutations: async (limit) =>
      wire(
        outbox
          .filter((entry) => !entry.parked)
          .slice(0, limit)
          .map((entry) => entry.mutation),
      ),
    pendingCount: async () => outbox.length,
    settle: async (results) => {
      for (const result of results) {
        const index = outbox.findIndex((entry) => entry.mutation.mutationId === result.mutationId)
        if (index < 0)
          throw new Error(`The server answered for mutation ${result.mutationId}, not waiting here.`)
        const entry = outbox[index]!
        if (result.outcome === 'rejected') {
          refusals.push(result)
          if (result.code === 'clock-ahead' && !entry.restamped) restamp(entry)
          else entry.parked = { code: result.code, reason: result.reason }
          continue
        }
        outbox.splice(index, 1)
        acknowledged.push({ mutation: wire(entry.mutation), outcome: result.outcome })
      }
    },
    applyChanges: async (changes: Change[]) =>
      withClock((clock) => {
        for (const change of changes) {
          for (const write of Object.values(change.fields)) clock.receive(write.hlc)
          records.set(change.entityId, mergeRecord(records.get(change.entityId), change).record)
        }
      }),
    cursor: async () => cursor,
    setCursor: async (next) => {
      cursor = next
    },
    setClockOffset: async (ms) => {
      clockOffset = ms
    },
  }

  const engine = createSyncEngine({
    clientId,
    storage,
    transport: options.transport,
    // The engine measures the server's clock against this computer's own.
    now: ownClock,
    random: Math.random,
    setTimer: () => () => {},
    onState: (next) => {
      state = next
    },
  })

  return {
    clientId,
    engine,
    records,
    outbox,
    acknowledged,
    refusals,
    /** The engine's last reported state (after a cycle: up to date, or the error it met). */
    state: () => state,
    /** The analyst edits one field of a case. */
    writeCaseField(caseId: string, field: string, value: unknown): Mutation {
      const write: FieldWrite = {
        value: value as FieldWrite['value'],
        hlc: withClock((clock) => clock.tick()),
      }
      const mutation: Mutation = {
        mutationId: nextMutation++,
        entity: 'case',
        entityId: caseId,
        caseId,
        fields: { [field]: write },
        deleted: null,
      }
      records.set(caseId, mergeRecord(records.get(caseId), mutation).record)
      outbox.push({ mutation: wire(mutation), restamped: false, parked: null })
      return mutation
    },
    /** A new case with these fields, stamped alike. */
    createCase(caseId: string, values: Record<string, unknown>): Mutation {
      const hlc = withClock((clock) => clock.tick())
      const mutation: Mutation = {
        mutationId: nextMutation++,
        entity: 'case',
        entityId: caseId,
        caseId,
        fields: Object.fromEntries(
          Object.entries(values).map(([name, value]) => [name, { value: value as FieldWrite['value'], hlc }]),
        ),
        deleted: null,
      }
      records.set(caseId, mergeRecord(undefined, mutation).record)
      outbox.push({ mutation: wire(mutation), restamped: false, parked: null })
      return mutation
    },
  }
}
export type MemoryWorkstation = ReturnType<typeof memoryWorkstation>
