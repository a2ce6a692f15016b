import { describeSlaClockBriefly } from '@features/sla/sla-text'
import type { CaseStatus, SlaClockEvent } from '@shared/domain'
import { caseSlaInstants, currentSlaClock, NO_SLA_DUE } from '@shared/rules/sla/case-sla'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@shared/rules/sla/policy'
import { subtractWorkingMs, workingMsBetween } from '@shared/rules/sla/working-time'
import { describe, expect, it } from 'vitest'
import { DEMO_NOW, demoCaseFiles } from '../demo/demo-cases'

const DAY = 86_400_000
const OPENED = Date.parse('2026-06-01T12:00:00.000Z')
const daysIn = (days: number) => new Date(OPENED + days * DAY).toISOString()
const opened = (days = 0): SlaClockEvent => ({
  type: 'opened',
  at: daysIn(days),
  status: 'new',
  severity: 'S3',
})
const status = (days: number, to: CaseStatus): SlaClockEvent => ({
  type: 'status',
  at: daysIn(days),
  status: to,
})

const BUSINESS_HOURS: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  schedule: {
    kind: 'business',
    timeZone: 'America/Toronto',
    days: [1, 2, 3, 4, 5],
    opensAt: '09:00',
    closesAt: '17:00',
  },
}

/** What the queue stores for a case (derived at its last event) and what its chip says at `now`. */
function queueReading(events: SlaClockEvent[], now: string, policy: SlaPolicy = DEFAULT_SLA_POLICY) {
  const clock = currentSlaClock(computeSlaClocks(events, policy, now))
  return { ...caseSlaInstants(events, policy), clock, chip: clock ? describeSlaClockBriefly(clock) : '' }
}

describe('SLA due: one reading for the sort and the chips', () => {
  // S3 resolution: 7 days. Each case responded to an hour after opening.
  const never = [opened(0), status(0.04, 'investigating')]
  const later = [opened(5), status(5.04, 'investigating')]
  // Breached on day 7, then awaiting a party from day 8 to day 20: 12 days that do not count.
  const resumedAfterBreach = [...never, status(8, 'awaiting_party'), status(20, 'investigating')]
  // Paused before it breached (days 2 to 6): due four days late.
  const resumedBeforeBreach = [...never, status(2, 'awaiting_party'), status(6, 'investigating')]
  const pausedNow = [...never, status(8, 'awaiting_party')]

  it('moves a breached clock’s due time on by every pause, as its time over counts', () => {
    const reading = queueReading(resumedAfterBreach, daysIn(30))
    expect(reading.clock).toMatchObject({ phase: 'running', breachedAt: daysIn(7), remainingMs: -11 * DAY })
    // Due 12 days of pause after the breach: 11 days over at day 30, which is what the chip says.
    expect(reading.slaDueAt).toBe(daysIn(19))
    expect(reading.clock?.dueAt).toBe(daysIn(19))
    expect(reading.chip).toBe('Res −11 d')
    expect(queueReading(resumedBeforeBreach, daysIn(30)).slaDueAt).toBe(daysIn(11))
  })

  it('orders paused, resumed and never-paused cases as their chips read, paused ones last', () => {
    const cases = { never, later, resumedAfterBreach, resumedBeforeBreach, pausedNow }
    const now = daysIn(30)
    const sorted = Object.entries(cases)
      .map(([name, events]) => ({ name, ...queueReading(events, now) }))
      .sort((a, b) => a.slaDueAt.localeCompare(b.slaDueAt))
    expect(sorted.map(({ name, chip }) => [name, chip])).toEqual([
      ['never', 'Res −23 d'],
      ['resumedBeforeBreach', 'Res −19 d'],
      ['later', 'Res −18 d'],
      ['resumedAfterBreach', 'Res −11 d'],
      // Paused after its breach: not counting, so after every running clock, and its chip says so.
      ['pausedNow', 'Res paused −1 d'],
    ])
    expect(sorted.at(-1)).toMatchObject({ slaDueAt: NO_SLA_DUE, slaAtRiskAt: NO_SLA_DUE })
  })

  it('indexes the target the chip shows: first response while it is pending', () => {
    const slowResolution: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      targets: {
        ...DEFAULT_SLA_POLICY.targets,
        S3: { firstResponse: { amount: 3, unit: 'days' }, resolution: { amount: 2, unit: 'days' } },
      },
    }
    const reading = queueReading([opened(0)], daysIn(1), slowResolution)
    expect(reading.clock?.target).toBe('first_response')
    expect(reading.slaDueAt).toBe(daysIn(3))
  })

  it('reads the same instant under business hours, whenever the chip is read', () => {
    const events = [
      opened(0),
      status(0.04, 'investigating'),
      status(9, 'awaiting_party'),
      status(16, 'investigating'),
    ]
    const due = Date.parse(caseSlaInstants(events, BUSINESS_HOURS).slaDueAt)
    for (const day of [20, 23.3, 41]) {
      const now = daysIn(day)
      const clock = currentSlaClock(computeSlaClocks(events, BUSINESS_HOURS, now))!
      expect(clock.dueAt).toBe(new Date(due).toISOString())
      expect(workingMsBetween(BUSINESS_HOURS.schedule, due, Date.parse(now))).toBe(-clock.remainingMs)
    }
  })

  it('counts working time backwards to the earliest instant, the inverse of counting forwards', () => {
    const schedule = BUSINESS_HOURS.schedule
    const friday5pm = Date.parse('2026-06-05T21:00:00.000Z') // 17:00 EDT, closing
    const monday10am = Date.parse('2026-06-08T14:00:00.000Z')
    // One working hour back from Monday 10:00 is Friday's closing, not Monday's opening.
    expect(new Date(subtractWorkingMs(schedule, monday10am, 3_600_000)).toISOString()).toBe(
      new Date(friday5pm).toISOString(),
    )
    for (const amount of [1, 3_600_000, 8 * 3_600_000, 41 * 3_600_000 + 17]) {
      const from = subtractWorkingMs(schedule, monday10am, amount)
      expect(workingMsBetween(schedule, from, monday10am)).toBe(amount)
    }
  })
})

describe('SLA due: the demo dataset, paused and resumed clocks included', () => {
  it('sorts every running case by due as its chip counts the time left or over', async () => {
    const demo = (await demoCaseFiles({ seed: 11, count: 200 })).map((file) => file.caseFile.case)
    const resumed = demo.filter(
      (record) =>
        record.slaEvents.some((event) => event.type === 'status' && event.status === 'awaiting_party') &&
        record.slaDueAt < DEMO_NOW,
    )
    expect(resumed.length).toBeGreaterThan(3)
    // Business hours cost a walk through every working day since opening: a slice of the dataset.
    for (const [policy, cases] of [
      [DEFAULT_SLA_POLICY, demo],
      [BUSINESS_HOURS, demo.slice(0, 60)],
    ] as const) {
      const readings = cases
        .map((record) => ({ record, ...queueReading(record.slaEvents, DEMO_NOW, policy) }))
        .filter((reading) => reading.clock?.phase === 'running')
        .sort((a, b) => a.slaDueAt.localeCompare(b.slaDueAt))
      const left = readings.map((reading) => reading.clock!.remainingMs)
      expect(left).toEqual([...left].sort((a, b) => a - b))
      for (const reading of readings)
        expect(
          Math.sign(Date.parse(reading.slaDueAt) - Date.parse(DEMO_NOW)) || -1,
          reading.record.caseNumber,
        ).toBe(Math.sign(reading.clock!.remainingMs) || -1)
    }
  })
})
