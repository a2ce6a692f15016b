import { createSyncEngine, retryDelay, type SyncState, type SyncStorage } from '@shared/protocol/sync/engine'
import type {
  Change,
  Mutation,
  MutationResult,
  PullRequest,
  PushRequest,
} from '@shared/protocol/sync/protocol'
import { describe, expect, it } from 'vitest'

const hlc = (millis: number) => `${String(millis).padStart(15, '0')}:0000:laptop-1`
const mutation = (mutationId: number): Mutation => ({
  mutationId,
  entity: 'note',
  entityId: `note-${mutationId}`,
  caseId: 'case-1',
  fields: { body: { value: `note ${mutationId}`, hlc: hlc(mutationId) } },
  deleted: null,
})
const change = (sequence: number): Change => ({
  sequence,
  entity: 'note',
  entityId: `remote-${sequence}`,
  caseId: 'case-1',
  fields: { body: { value: `remote ${sequence}`, hlc: hlc(10_000 + sequence) } },
  deleted: null,
})

function memoryStorage(outbox: Mutation[]) {
  const parked = new Map<number, string>()
  const applied: Change[] = []
  let cursor = 0
  const storage: SyncStorage = {
    pendingMutations: async (limit) => outbox.filter((m) => !parked.has(m.mutationId)).slice(0, limit),
    pendingCount: async () => outbox.length,
    settle: async (results: MutationResult[]) => {
      for (const result of results) {
        if (result.outcome === 'rejected') parked.set(result.mutationId, result.reason)
        else
          outbox.splice(
            outbox.findIndex((m) => m.mutationId === result.mutationId),
            1,
          )
      }
    },
    applyChanges: async (changes) => {
      applied.push(...changes)
    },
    cursor: async () => cursor,
    setCursor: async (next) => {
      cursor = next
    },
  }
  return { storage, outbox, parked, applied, cursor: () => cursor }
}

/** A server holding `changes`, answering pushes as `answer` decides. */
function fakeServer(
  changes: Change[],
  answer: (push: PushRequest) => unknown = (push) => ({
    results: push.mutations.map((m, index) => ({
      mutationId: m.mutationId,
      outcome: 'applied',
      sequence: 100 + index,
      overtaken: [],
    })),
  }),
) {
  const pushes: PushRequest[] = []
  const pulls: PullRequest[] = []
  let failing = 0
  return {
    pushes,
    pulls,
    failNext(times: number) {
      failing = times
    },
    transport: {
      push: async (request: PushRequest) => {
        if (failing > 0) {
          failing--
          throw new Error('Network unreachable')
        }
        pushes.push(request)
        return answer(request)
      },
      pull: async (request: PullRequest) => {
        pulls.push(request)
        const page = changes.filter((c) => c.sequence > request.cursor).slice(0, 2)
        const last = page.at(-1)?.sequence ?? request.cursor
        return { changes: page, cursor: last, more: changes.some((c) => c.sequence > last) }
      },
    },
  }
}

function engineWith(storage: SyncStorage, transport: ReturnType<typeof fakeServer>['transport']) {
  const states: SyncState[] = []
  const timers: Array<{ run: () => void; ms: number; cancelled: boolean }> = []
  const engine = createSyncEngine({
    clientId: 'laptop-1',
    storage,
    transport,
    now: () => Date.parse('2026-11-25T18:00:00.000Z'),
    random: () => 1,
    setTimer: (run, ms) => {
      const timer = { run, ms, cancelled: false }
      timers.push(timer)
      return () => {
        timer.cancelled = true
      }
    },
    onState: (state) => {
      states.push(state)
    },
  })
  return { engine, states, timers }
}

describe('the sync engine', () => {
  it('pushes the outbox, then pulls every page of changes, and says it is up to date', async () => {
    const local = memoryStorage([mutation(1), mutation(2), mutation(3)])
    const server = fakeServer([change(1), change(2), change(3)])
    const { engine, states } = engineWith(local.storage, server.transport)
    await engine.syncNow()
    expect(server.pushes.map((push) => push.mutations.map((m) => m.mutationId))).toEqual([[1, 2, 3]])
    expect(local.outbox).toEqual([])
    expect(server.pulls.map((pull) => pull.cursor)).toEqual([0, 2])
    expect(local.applied.map((c) => c.sequence)).toEqual([1, 2, 3])
    expect(local.cursor()).toBe(3)
    expect(states.map((state) => state.kind)).toEqual(['syncing', 'up-to-date'])
    expect(states.at(-1)).toMatchObject({ pending: 0, lastSynced: '2026-11-25T18:00:00.000Z' })
  })

  it('keeps a rejected mutation with its reason, counted as pending, and does not send it again', async () => {
    const local = memoryStorage([mutation(1), mutation(2)])
    const server = fakeServer([], (push) => ({
      results: push.mutations.map((m) =>
        m.mutationId === 2
          ? { mutationId: 2, outcome: 'rejected', reason: 'The case was reassigned to Sam Ortiz.' }
          : { mutationId: m.mutationId, outcome: 'duplicate' },
      ),
    }))
    const { engine, states } = engineWith(local.storage, server.transport)
    await engine.syncNow()
    expect(server.pushes).toHaveLength(1)
    expect(local.parked.get(2)).toBe('The case was reassigned to Sam Ortiz.')
    expect(local.outbox.map((m) => m.mutationId)).toEqual([2])
    expect(states.at(-1)).toMatchObject({ kind: 'up-to-date', pending: 1 })
  })

  it('retries with growing, jittered delays after failures, and syncs at once when back online', async () => {
    const local = memoryStorage([mutation(1)])
    const server = fakeServer([])
    server.failNext(2)
    const { engine, states, timers } = engineWith(local.storage, server.transport)
    await engine.syncNow()
    expect(states.at(-1)).toMatchObject({ kind: 'error', message: 'Network unreachable', pending: 1 })
    expect(timers.at(-1)?.ms).toBe(1_000)
    timers.at(-1)!.run()
    await engine.syncNow()
    expect(timers.at(-1)?.ms).toBe(2_000)
    await engine.setOnline(false)
    expect(timers.at(-1)?.cancelled).toBe(true)
    expect(states.at(-1)?.kind).toBe('offline')
    await engine.setOnline(true)
    expect(states.at(-1)?.kind).toBe('up-to-date')
    expect(local.outbox).toEqual([])
  })

  it('halves a push that fails (too large for the server) and grows it back after one succeeds', async () => {
    const local = memoryStorage(Array.from({ length: 8 }, (_, index) => mutation(index + 1)))
    const limit = 3
    const server = fakeServer([])
    const accepted = server.transport.push
    // The server refuses a body over three mutations, as a 413 would.
    server.transport.push = async (request) => {
      if (request.mutations.length > limit) throw new Error('The request is larger than the server takes.')
      return accepted(request)
    }
    const { engine } = engineWith(local.storage, server.transport)
    for (let attempt = 0; attempt < 8 && local.outbox.length; attempt++) await engine.syncNow()
    expect(local.outbox).toEqual([])
    // 8 fails, 4 fails, then 2 goes, 4 fails, 2 goes...: every mutation sent, none lost.
    expect(server.pushes.flatMap((push) => push.mutations.map((m) => m.mutationId))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ])
    expect(Math.max(...server.pushes.map((push) => push.mutations.length))).toBeLessThanOrEqual(3)
  })

  it('stores nothing from a server answer that breaks the protocol', async () => {
    const local = memoryStorage([mutation(1)])
    const server = fakeServer([], () => ({
      results: [{ mutationId: 99, outcome: 'applied', sequence: 1, overtaken: [] }],
    }))
    const { engine, states } = engineWith(local.storage, server.transport)
    await engine.syncNow()
    expect(states.at(-1)).toMatchObject({
      kind: 'error',
      message: 'The server answered for mutations that were not sent.',
    })
    expect(local.outbox).toHaveLength(1)

    const garbled = fakeServer([])
    garbled.transport.pull = async () => ({ changes: [{ sequence: 'one' }], cursor: 5, more: false }) as never
    const second = engineWith(memoryStorage([]).storage, garbled.transport)
    await second.engine.syncNow()
    expect(second.states.at(-1)).toMatchObject({ kind: 'error' })
    expect((second.states.at(-1) as { message: string }).message).toMatch(/answer to a pull is not valid/)
  })

  it('stores the offset to the server’s clock from its answers, leaving small ones and small moves alone', async () => {
    const now = Date.parse('2026-11-25T18:00:00.000Z')
    const offsets: number[] = []
    const local = memoryStorage([mutation(1)])
    local.storage.setClockOffset = async (ms) => {
      offsets.push(ms)
    }
    // The server's clock runs a day behind this one's when it answers the push, and a second
    // further behind when it answers the pull.
    const server = fakeServer([change(1)], (push) => ({
      results: push.mutations.map((m) => ({ mutationId: m.mutationId, outcome: 'duplicate' })),
      serverTime: now - 86_400_000,
    }))
    const pull = server.transport.pull
    server.transport.pull = async (request) => ({ ...(await pull(request)), serverTime: now - 86_401_000 })
    const { engine } = engineWith(local.storage, server.transport)
    await engine.syncNow()
    expect(offsets).toEqual([-86_400_000])

    // A server whose clock agrees within a second or so: the stored offset goes back to none.
    const near = memoryStorage([mutation(1)])
    const nearOffsets: number[] = []
    near.storage.setClockOffset = async (ms) => {
      nearOffsets.push(ms)
    }
    const agreeing = fakeServer([], (push) => ({
      results: push.mutations.map((m) => ({ mutationId: m.mutationId, outcome: 'duplicate' })),
      serverTime: now + 1_500,
    }))
    await engineWith(near.storage, agreeing.transport).engine.syncNow()
    expect(nearOffsets).toEqual([0])
  })

  it('sends a mutation at most twice in one cycle, however the storage re-queues its refusals', async () => {
    const outbox = [mutation(1)]
    const local = memoryStorage(outbox)
    // Storage that re-queues every clock-ahead refusal (never parks it).
    local.storage.settle = async () => {}
    const server = fakeServer([], (push) => ({
      results: push.mutations.map((m) => ({
        mutationId: m.mutationId,
        outcome: 'rejected',
        code: 'clock-ahead',
        reason: 'This change is stamped ahead of the team server’s clock.',
      })),
    }))
    const { engine, states } = engineWith(local.storage, server.transport)
    await engine.syncNow()
    expect(server.pushes).toHaveLength(2)
    expect(states.at(-1)).toMatchObject({ kind: 'up-to-date', pending: 1 })
  })

  it('doubles the wait up to five minutes, with jitter between half and all of it', () => {
    expect(retryDelay(1, () => 1)).toBe(1_000)
    expect(retryDelay(4, () => 1)).toBe(8_000)
    expect(retryDelay(30, () => 1)).toBe(300_000)
    expect(retryDelay(4, () => 0)).toBe(4_000)
  })
})
