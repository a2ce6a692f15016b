import { describeSlaClock, describeSlaClockBriefly, formatWorkingTime } from '@features/sla/sla-text'
import type { SlaClockEvent } from '@shared/domain'
import { currentSlaClock } from '@shared/rules/sla/case-sla'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'

const MINUTE = 60_000
const opened: SlaClockEvent = {
  type: 'opened',
  at: '2026-06-01T12:00:00.000Z',
  status: 'new',
  severity: 'S1',
}
const at = (minutes: number) => new Date(Date.parse(opened.at) + minutes * MINUTE).toISOString()

describe('SLA chip wording', () => {
  it('formats working time as days, hours and minutes', () => {
    expect(formatWorkingTime(40 * MINUTE)).toBe('40 min')
    expect(formatWorkingTime(195 * MINUTE)).toBe('3 h 15 min')
    expect(formatWorkingTime(-120 * MINUTE)).toBe('2 h')
    expect(formatWorkingTime((2 * 24 + 4) * 60 * MINUTE)).toBe('2 d 4 h')
    expect(formatWorkingTime(10_000)).toBe('1 min')
  })

  it('says what is left, what is over, what is paused and what was met', () => {
    const running = computeSlaClocks([opened], DEFAULT_SLA_POLICY, at(20))
    expect(describeSlaClock(running.firstResponse)).toBe('First response 40 min left')
    expect(describeSlaClockBriefly(running.firstResponse)).toBe('FR 40 min')
    const late = computeSlaClocks([opened], DEFAULT_SLA_POLICY, at(90))
    expect(describeSlaClock(late.firstResponse)).toBe('First response overdue 30 min')
    const paused = computeSlaClocks(
      [
        opened,
        { type: 'status', at: at(10), status: 'triage' },
        { type: 'status', at: at(30), status: 'awaiting_party' },
      ],
      DEFAULT_SLA_POLICY,
      at(600),
    )
    expect(describeSlaClock(paused.firstResponse)).toBe('First response met')
    expect(describeSlaClock(paused.resolution)).toBe('Resolution paused · 23 h 30 min left')
    // The queue shows the target that matters now: resolution once the first response is given.
    expect(currentSlaClock(paused)?.target).toBe('resolution')
    expect(currentSlaClock(running)?.target).toBe('first_response')
  })
})
