import {
  ClockDriftError,
  compareHlc,
  createHlcClock,
  formatHlc,
  MAX_STAMP_AHEAD_MS,
  parseHlc,
} from '@shared/protocol/sync/hlc'
import { describe, expect, it } from 'vitest'

describe('hybrid logical clocks', () => {
  it('orders events in the same millisecond by a counter, and the strings sort as the clock does', () => {
    const clock = createHlcClock('laptop-1', () => 1_764_082_800_000)
    const first = clock.tick()
    const second = clock.tick()
    expect(first).toBe('001764082800000:0000:laptop-1')
    expect(second).toBe('001764082800000:0001:laptop-1')
    expect(compareHlc(first, second)).toBeLessThan(0)
    expect(parseHlc(second)).toEqual({ millis: 1_764_082_800_000, counter: 1, node: 'laptop-1' })
    expect(formatHlc(parseHlc(second))).toBe(second)
  })

  it('never goes backwards when the wall clock does', () => {
    let wall = 2_000
    const clock = createHlcClock('laptop-1', () => wall)
    const before = clock.tick()
    wall = 1_000
    expect(compareHlc(clock.tick(), before)).toBeGreaterThan(0)
  })

  it('orders what it does next after what it has seen from a clock running ahead', () => {
    const ahead = createHlcClock('laptop-2', () => 5_000)
    const seen = ahead.tick()
    const behind = createHlcClock('laptop-1', () => 1_000)
    behind.receive(seen)
    const next = behind.tick()
    expect(compareHlc(next, seen)).toBeGreaterThan(0)
    expect(parseHlc(next).millis).toBe(5_000)
  })

  it('breaks a tie between two nodes by node id, the same way everywhere', () => {
    const a = createHlcClock('a', () => 1_000).tick()
    const b = createHlcClock('b', () => 1_000).tick()
    expect(compareHlc(a, b)).toBeLessThan(0)
  })

  it('resumes from a stored time, but not from one further ahead than the server allows', () => {
    const now = 1_764_082_800_000
    const near = formatHlc({ millis: now + 60_000, counter: 3, node: 'laptop-1' })
    expect(createHlcClock('laptop-1', () => now, near).tick()).toBe(
      formatHlc({ millis: now + 60_000, counter: 4, node: 'laptop-1' }),
    )
    // Stored while this computer's clock ran a day fast (or from a poisoned stamp): start from now.
    for (const far of [
      formatHlc({ millis: now + 86_400_000, counter: 0, node: 'laptop-1' }),
      '999999999999999:9999:x',
    ]) {
      const clock = createHlcClock('laptop-1', () => now, far)
      expect(clock.tick()).toBe(formatHlc({ millis: now, counter: 0, node: 'laptop-1' }))
      expect(parseHlc(clock.current()).millis - now).toBeLessThanOrEqual(MAX_STAMP_AHEAD_MS)
    }
  })

  it('refuses a timestamp more than a day ahead rather than following it', () => {
    const clock = createHlcClock('laptop-1', () => 1_000)
    const far = formatHlc({ millis: 1_000 + 2 * 86_400_000, counter: 0, node: 'broken' })
    expect(() => clock.receive(far)).toThrow(ClockDriftError)
    expect(() => parseHlc('yesterday')).toThrow()
  })
})
