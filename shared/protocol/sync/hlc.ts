import { z } from 'zod'

/**
 * A hybrid logical clock timestamp: wall-clock milliseconds, a counter for events in the same
 * millisecond (or when a clock runs behind one already seen), and the node that made it, so any two
 * are ordered the same way on every machine. Written as one sortable string:
 * "001764082800000:0000:client-7" (15-digit ms, 4-digit counter, node id).
 */
export interface Hlc {
  millis: number
  counter: number
  node: string
}

const MILLIS_DIGITS = 15
const COUNTER_DIGITS = 4
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1
/** A peer's clock more than this far ahead of ours is refused rather than followed. */
export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000
/**
 * The team server refuses a write stamped more than this ahead of its own clock: one stamp from the
 * future would otherwise win over every later edit of its field, for everyone.
 */
export const MAX_STAMP_AHEAD_MS = 5 * 60 * 1000
/**
 * How far ahead of a workstation's clock (corrected by the server's, see shared/sync/engine.ts) a
 * stamp may be before the workstation distrusts it: the server's allowance plus a minute for what the
 * correction leaves (an offset under a few seconds is ignored, a round trip is not symmetric). A
 * pulled stamp beyond it is kept out of the replica; a stored clock beyond it is not resumed.
 */
export const STAMP_AHEAD_TOLERANCE_MS = MAX_STAMP_AHEAD_MS + 60 * 1000

export const HlcStringSchema = z
  .string()
  .regex(
    /^\d{15}:\d{4}:[A-Za-z0-9_-]{1,64}$/,
    'a hybrid logical clock timestamp looks like 001764082800000:0000:node',
  )

export function formatHlc(hlc: Hlc): string {
  return `${String(hlc.millis).padStart(MILLIS_DIGITS, '0')}:${String(hlc.counter).padStart(COUNTER_DIGITS, '0')}:${hlc.node}`
}

export function parseHlc(text: string): Hlc {
  const parsed = HlcStringSchema.parse(text)
  const [millis, counter, node] = parsed.split(':') as [string, string, string]
  return { millis: Number(millis), counter: Number(counter), node }
}

/** Negative when a is earlier, positive when later; the string form sorts the same way. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export class ClockDriftError extends Error {
  override name = 'ClockDriftError'
}

/**
 * One node's clock. `tick` stamps a local event; `receive` moves the clock past a timestamp seen from
 * another node, so whatever this node does next is ordered after what it has seen.
 */
export function createHlcClock(node: string, now: () => number, start?: string) {
  const resumed = start ? parseHlc(start) : undefined
  // A stored time far ahead came from a clock that ran fast (or a stamp that should not have been
  // followed): resuming from it would stamp every later event in the future, where it wins over
  // every later edit elsewhere and the server refuses it. Start from now instead.
  let last: Hlc =
    resumed && resumed.millis - now() <= STAMP_AHEAD_TOLERANCE_MS ? resumed : { millis: 0, counter: 0, node }
  const advance = (seenMillis: number, seenCounter: number): Hlc => {
    const wall = now()
    const millis = Math.max(wall, last.millis, seenMillis)
    let counter = 0
    if (millis === last.millis && millis === seenMillis) counter = Math.max(last.counter, seenCounter) + 1
    else if (millis === last.millis) counter = last.counter + 1
    else if (millis === seenMillis) counter = seenCounter + 1
    if (counter > MAX_COUNTER) throw new ClockDriftError('Too many events in one millisecond for this clock.')
    last = { millis, counter, node }
    return last
  }
  return {
    tick: (): string => formatHlc(advance(0, 0)),
    receive(remote: string): void {
      const seen = parseHlc(remote)
      if (seen.millis - now() > MAX_CLOCK_DRIFT_MS)
        throw new ClockDriftError(
          `A timestamp from ${seen.node} is more than a day ahead of this computer's clock.`,
        )
      advance(seen.millis, seen.counter)
    },
    /** The latest timestamp this clock has issued or seen (kept so it survives a restart). */
    current: (): string => formatHlc(last),
  }
}
export type HlcClock = ReturnType<typeof createHlcClock>
