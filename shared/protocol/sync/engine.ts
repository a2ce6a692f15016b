import type { z } from 'zod'
import { describeIssues } from '../../validation'
import {
  type Change,
  type Mutation,
  type MutationResult,
  type PullRequest,
  type PullResponse,
  PullResponseSchema,
  type PushRequest,
  type PushResponse,
  PushResponseSchema,
} from './protocol'

/** Where the engine keeps its outbox, cursor and records (Dexie in the app, memory in tests). */
export interface SyncStorage {
  /**
   * The oldest mutations waiting to be sent, in mutation-id order. Rejected ones are parked with
   * their reason (shown to the analyst, who can copy or retry them) and not returned until retried.
   */
  pendingMutations(limit: number): Promise<Mutation[]>
  /** Waiting and parked mutations: nothing is dropped silently, so both count. */
  pendingCount(): Promise<number>
  /** Applied and duplicate mutations leave the outbox; rejected ones are parked with the reason. */
  settle(results: MutationResult[]): Promise<void>
  /** Merges pulled changes into the local records. */
  applyChanges(changes: Change[]): Promise<void>
  cursor(): Promise<number>
  setCursor(cursor: number): Promise<void>
  /**
   * How far the server's clock is ahead of this one (ms, negative when behind), for stamping local
   * writes by the server's time. Storage that does not stamp by its wall clock need not keep it.
   */
  setClockOffset?(ms: number): Promise<void>
}

/** How requests reach the server (through the main process in Electron, fetch in the web host). */
export interface SyncTransport {
  push(request: PushRequest): Promise<unknown>
  pull(request: PullRequest): Promise<unknown>
}

export type SyncState =
  | { kind: 'offline'; pending: number; lastSynced: string | null }
  | { kind: 'syncing'; pending: number; lastSynced: string | null }
  | { kind: 'up-to-date'; pending: number; lastSynced: string | null }
  | { kind: 'error'; pending: number; lastSynced: string | null; message: string; retryAt: string }

export const PUSH_BATCH = 200
export const PULL_PAGE = 500
const BASE_DELAY_MS = 1_000
const MAX_DELAY_MS = 5 * 60_000
/**
 * A clock offset smaller than this is left alone, and a stored one is not moved by less: network
 * delay makes every measurement wobble by some milliseconds, and rewriting the offset at each answer
 * would only churn. The server allows far more (MAX_STAMP_AHEAD_MS in shared/sync/hlc.ts).
 */
export const CLOCK_OFFSET_IGNORED_MS = 2_000
/**
 * Times one mutation goes to the server in one cycle: once, and once more after the storage re-stamped
 * it (a clock-ahead refusal). Whatever the storage does, a cycle ends.
 */
const SENDS_PER_CYCLE = 2

/**
 * The offset to the server's clock measured from one answer: its time against the middle of the
 * round trip. Null when the server sent no time.
 */
export function measuredClockOffset(serverTime: number | undefined, sentAt: number, receivedAt: number) {
  return serverTime === undefined ? null : Math.round(serverTime - (sentAt + receivedAt) / 2)
}

/**
 * The wait before the next attempt after `failures` failures in a row: doubling from a second up to
 * five minutes, with jitter (half to all of it) so many clients coming back at once do not retry
 * together.
 */
export function retryDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

export class SyncProtocolError extends Error {
  override name = 'SyncProtocolError'
}

/**
 * The client side of sync, with no UI, DOM or database of its own: push the outbox in batches, then
 * pull until caught up; on failure, retry with backoff; while offline, wait. Every answer from the
 * server is checked against the protocol before anything is stored.
 */
export function createSyncEngine(deps: {
  clientId: string
  storage: SyncStorage
  transport: SyncTransport
  now(): number
  random(): number
  setTimer(run: () => void, ms: number): () => void
  onState(state: SyncState): void
  /** Runs before the outbox is pushed (to queue what is kept elsewhere, such as report text). */
  beforePush?(): Promise<void>
  /** Runs after the outbox is pushed, before pulling (evidence bytes follow their records). */
  afterPush?(): Promise<void>
}) {
  let online = true
  let running: Promise<void> | null = null
  let failures = 0
  let lastSynced: string | null = null
  let cancelRetry: (() => void) | null = null
  /** The clock offset last stored (null until this engine has stored one). */
  let clockOffset: number | null = null

  const report = async (
    state:
      | { kind: 'offline' | 'syncing' | 'up-to-date' }
      | { kind: 'error'; message: string; retryAt: string },
  ) => deps.onState({ ...state, pending: await deps.storage.pendingCount(), lastSynced } as SyncState)

  const checked = <T>(schema: z.ZodType<T>, answer: unknown, what: string): T => {
    const parsed = schema.safeParse(answer)
    if (!parsed.success)
      throw new SyncProtocolError(
        `The server's answer to ${what} is not valid: ${describeIssues(parsed.error)}`,
      )
    return parsed.data
  }

  /** Stores the offset to the server's clock, ignoring small ones and small moves (see above). */
  async function learnServerClock(serverTime: number | undefined, sentAt: number) {
    const measured = measuredClockOffset(serverTime, sentAt, deps.now())
    if (measured === null || !deps.storage.setClockOffset) return
    const offset = Math.abs(measured) < CLOCK_OFFSET_IGNORED_MS ? 0 : measured
    if (clockOffset !== null && Math.abs(offset - clockOffset) < CLOCK_OFFSET_IGNORED_MS) return
    clockOffset = offset
    await deps.storage.setClockOffset(offset)
  }

  /**
   * How many mutations go in one push: halved after a push fails (a batch too large for the server's
   * body limit, or too slow for the time limit, would otherwise fail the same way on every retry),
   * doubled back after one succeeds.
   */
  let batchSize = PUSH_BATCH

  async function pushAll() {
    const sends = new Map<number, number>()
    for (;;) {
      const batch = (await deps.storage.pendingMutations(batchSize)).filter(
        (mutation) => (sends.get(mutation.mutationId) ?? 0) < SENDS_PER_CYCLE,
      )
      if (batch.length === 0) return
      for (const { mutationId } of batch) sends.set(mutationId, (sends.get(mutationId) ?? 0) + 1)
      const sentAt = deps.now()
      let reply: unknown
      try {
        reply = await deps.transport.push({ clientId: deps.clientId, mutations: batch })
      } catch (error) {
        batchSize = Math.max(1, Math.ceil(batch.length / 2))
        throw error
      }
      batchSize = Math.min(PUSH_BATCH, batchSize * 2)
      const answer = checked<PushResponse>(PushResponseSchema, reply, 'a push')
      const sent = new Set(batch.map((mutation) => mutation.mutationId))
      if (answer.results.some((result) => !sent.has(result.mutationId)))
        throw new SyncProtocolError('The server answered for mutations that were not sent.')
      // Without an answer for any of them, sending the batch again would loop: retry later instead.
      if (answer.results.length === 0)
        throw new SyncProtocolError('The server answered a push with no results.')
      // Before settling: a refusal for a clock ahead of the server's is re-stamped by the server's time.
      await learnServerClock(answer.serverTime, sentAt)
      // Mutations the server did not answer stay in the outbox and go again in the next batch.
      await deps.storage.settle(answer.results)
    }
  }

  async function pullAll() {
    for (;;) {
      const cursor = await deps.storage.cursor()
      const sentAt = deps.now()
      const page = checked<PullResponse>(
        PullResponseSchema,
        await deps.transport.pull({ cursor, limit: PULL_PAGE }),
        'a pull',
      )
      if (page.cursor < cursor) throw new SyncProtocolError('The server moved the cursor backwards.')
      // Before applying: how far ahead a pulled stamp is, is judged by the server's time.
      await learnServerClock(page.serverTime, sentAt)
      if (page.changes.length) await deps.storage.applyChanges(page.changes)
      await deps.storage.setCursor(page.cursor)
      if (!page.more) return
    }
  }

  async function cycle() {
    if (!online) return report({ kind: 'offline' })
    cancelRetry?.()
    cancelRetry = null
    await report({ kind: 'syncing' })
    try {
      await deps.beforePush?.()
      await pushAll()
      await deps.afterPush?.()
      await pullAll()
      failures = 0
      lastSynced = new Date(deps.now()).toISOString()
      await report({ kind: 'up-to-date' })
    } catch (error) {
      failures++
      const delay = retryDelay(failures, deps.random)
      cancelRetry = deps.setTimer(() => void syncNow(), delay)
      await report({
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
        retryAt: new Date(deps.now() + delay).toISOString(),
      })
    }
  }

  let queued: Promise<void> | null = null
  /**
   * Pushes and pulls now. A call while a cycle runs gets one more cycle after it (shared by every
   * such call): the change that prompted the call may have landed after the running cycle's pull.
   */
  function syncNow(): Promise<void> {
    if (!running) {
      running = cycle().finally(() => {
        running = null
      })
      return running
    }
    queued ??= running.then(() => {
      queued = null
      return syncNow()
    })
    return queued
  }

  return {
    syncNow,
    /** The browser's online/offline signal: going online syncs at once, going offline stops retries. */
    setOnline(next: boolean): Promise<void> {
      online = next
      if (!next) {
        cancelRetry?.()
        cancelRetry = null
        return report({ kind: 'offline' })
      }
      failures = 0
      return syncNow()
    },
    stop(): void {
      cancelRetry?.()
      cancelRetry = null
    },
  }
}
export type SyncEngine = ReturnType<typeof createSyncEngine>
