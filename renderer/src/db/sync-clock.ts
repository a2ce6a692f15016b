import { createHlcClock } from '@shared/protocol/sync/hlc'

/**
 * This computer's time corrected by the team server's (the offset the sync engine stored): a laptop
 * whose clock runs a day fast still stamps its writes with the team's time.
 */
export const correctedNow = (now: () => number, offset: unknown) => {
  const ms = typeof offset === 'number' && Number.isFinite(offset) ? offset : 0
  return () => now() + ms
}

/**
 * The hybrid clock that stamps this workstation's writes and follows what it pulls: by the corrected
 * time, resumed from the latest time stored (unless that lies too far ahead, see createHlcClock).
 */
export const workstationClock = (
  node: string,
  now: () => number,
  stored: { clock: unknown; offset: unknown },
) =>
  createHlcClock(
    node,
    correctedNow(now, stored.offset),
    typeof stored.clock === 'string' ? stored.clock : undefined,
  )
