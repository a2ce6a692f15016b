import type { CaseStatus, Severity, SlaClockEvent } from '@shared/domain'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY, type SlaPolicy, SlaPolicySchema } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'

const HOUR = 3_600_000
const OPENED = '2026-06-01T12:00:00.000Z'
const hoursIn = (hours: number) => new Date(Date.parse(OPENED) + hours * HOUR).toISOString()

const opened = (severity: Severity = 'S1', status: CaseStatus = 'new'): SlaClockEvent => ({
  type: 'opened',
  at: OPENED,
  status,
  severity,
})
const status = (hours: number, to: CaseStatus): SlaClockEvent => ({
  type: 'status',
  at: hoursIn(hours),
  status: to,
})
const severity = (hours: number, to: Severity): SlaClockEvent => ({
  type: 'severity',
  at: hoursIn(hours),
  severity: to,
})
const read = (events: SlaClockEvent[], hours: number, policy: SlaPolicy = DEFAULT_SLA_POLICY) =>
  computeSlaClocks(events, policy, hoursIn(hours))

describe('SLA clocks: default targets', () => {
  it.each([
    ['S1', 1, 24],
    ['S2', 4, 72],
    ['S3', 24, 7 * 24],
    ['S4', 72, 14 * 24],
  ] as const)('%s: first response %i h, resolution %i h', (level, firstResponse, resolution) => {
    const clocks = computeSlaClocks([opened(level)], DEFAULT_SLA_POLICY)
    expect(clocks.firstResponse.dueAt).toBe(hoursIn(firstResponse))
    expect(clocks.resolution.dueAt).toBe(hoursIn(resolution))
    // At risk when 25% of the time is left.
    expect(clocks.firstResponse.atRiskAt).toBe(hoursIn(firstResponse * 0.75))
    expect(clocks.resolution.atRiskAt).toBe(hoursIn(resolution * 0.75))
  })

  it('reads ok, then at risk, then breached as time passes', () => {
    const events = [opened('S1')]
    expect(read(events, 0.5).firstResponse).toMatchObject({ health: 'ok', remainingMs: 0.5 * HOUR })
    expect(read(events, 0.75).firstResponse.health).toBe('at_risk')
    expect(read(events, 1).firstResponse).toMatchObject({ health: 'breached', remainingMs: 0 })
    expect(read(events, 3).firstResponse).toMatchObject({
      health: 'breached',
      remainingMs: -2 * HOUR,
      breachedAt: hoursIn(1),
      dueAt: hoursIn(1),
    })
  })

  it('honours a configured at-risk threshold', () => {
    const policy = { ...DEFAULT_SLA_POLICY, atRiskFraction: 0.5 }
    expect(read([opened('S2')], 2, policy).firstResponse.health).toBe('at_risk')
    expect(read([opened('S2')], 1.9, policy).firstResponse.health).toBe('ok')
  })

  it('uses targets edited in the policy', () => {
    const policy: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      targets: {
        ...DEFAULT_SLA_POLICY.targets,
        S1: { firstResponse: { amount: 15, unit: 'minutes' }, resolution: { amount: 2, unit: 'days' } },
      },
    }
    const clocks = computeSlaClocks([opened('S1')], policy)
    expect(clocks.firstResponse.dueAt).toBe(hoursIn(0.25))
    expect(clocks.resolution.dueAt).toBe(hoursIn(48))
  })
})

describe('SLA clocks: responding and resolving', () => {
  it('meets the first response when the case leaves "new"', () => {
    const clocks = read([opened('S1'), status(0.5, 'triage')], 10)
    expect(clocks.firstResponse).toMatchObject({
      phase: 'done',
      health: 'ok',
      completedAt: hoursIn(0.5),
      dueAt: null,
    })
    expect(clocks.resolution).toMatchObject({ phase: 'running', dueAt: hoursIn(24) })
  })

  it('keeps a late first response as breached', () => {
    const clocks = read([opened('S1'), status(2, 'investigating')], 3)
    expect(clocks.firstResponse).toMatchObject({ phase: 'done', health: 'breached', breachedAt: hoursIn(1) })
    expect(clocks.history.map((entry) => entry.detail)).toContain('First response given late')
  })

  it('stops the resolution clock on resolve, and a reopened case resumes where it stopped', () => {
    const events = [opened('S2'), status(1, 'investigating'), status(10, 'resolved')]
    expect(read(events, 50).resolution).toMatchObject({ phase: 'done', health: 'ok', elapsedMs: 10 * HOUR })
    const reopened = [...events, status(40, 'investigating')]
    const clocks = read(reopened, 40)
    expect(clocks.resolution).toMatchObject({ phase: 'running', elapsedMs: 10 * HOUR, completedAt: null })
    // 62 hours were left when it was resolved: due 62 hours after reopening.
    expect(clocks.resolution.dueAt).toBe(hoursIn(40 + 62))
  })

  it('treats a case opened already triaged as responded to', () => {
    expect(computeSlaClocks([opened('S3', 'triage')], DEFAULT_SLA_POLICY).firstResponse.phase).toBe('done')
  })
})

describe('SLA clocks: awaiting a party pauses the clock', () => {
  const events = [
    opened('S1'),
    status(0.5, 'investigating'),
    status(4, 'awaiting_party'),
    status(10, 'investigating'),
  ]

  it('freezes the remaining time while paused', () => {
    const during = read(events.slice(0, 3), 9)
    expect(during.resolution).toMatchObject({
      phase: 'paused',
      remainingMs: 20 * HOUR,
      dueAt: null,
      health: 'ok',
    })
    expect(read(events.slice(0, 3), 200).resolution).toMatchObject({
      phase: 'paused',
      remainingMs: 20 * HOUR,
    })
  })

  it('resumes with the due time moved by the length of the pause', () => {
    const clocks = read(events, 10)
    expect(clocks.resolution).toMatchObject({ phase: 'running', elapsedMs: 4 * HOUR, dueAt: hoursIn(30) })
    expect(clocks.resolution.atRiskAt).toBe(hoursIn(24))
    expect(read(events, 29).resolution.health).toBe('at_risk')
    expect(read(events, 30).resolution.health).toBe('breached')
  })

  it('writes the pause, resumption, risk and breach into the history in order', () => {
    const clocks = read(events, 31)
    expect(clocks.history.map((entry) => [entry.at, entry.kind, entry.target])).toEqual([
      [hoursIn(0), 'started', null],
      [hoursIn(0.5), 'met', 'first_response'],
      [hoursIn(4), 'paused', 'resolution'],
      [hoursIn(10), 'resumed', 'resolution'],
      [hoursIn(24), 'at_risk', 'resolution'],
      [hoursIn(30), 'breached', 'resolution'],
    ])
  })

  it('does not breach a target during a pause that spans its original due time', () => {
    const pausedAcrossDue = [opened('S1'), status(0.5, 'awaiting_party'), status(30, 'investigating')]
    const clocks = read(pausedAcrossDue, 30)
    expect(clocks.resolution).toMatchObject({ health: 'ok', breachedAt: null, dueAt: hoursIn(30 + 23.5) })
  })
})

describe('SLA clocks: severity changes', () => {
  it('re-times the targets from the opening when severity rises', () => {
    const clocks = read([opened('S3'), severity(2, 'S1')], 2)
    expect(clocks.severity).toBe('S1')
    // 2 h used of S1's 1 h: breached at the moment severity changed.
    expect(clocks.firstResponse).toMatchObject({ health: 'breached', breachedAt: hoursIn(2) })
    expect(clocks.resolution.dueAt).toBe(hoursIn(24))
  })

  it('takes a clock out of risk when severity falls, but a breach stands', () => {
    const fromRisk = read([opened('S1'), severity(0.8, 'S3')], 1)
    expect(fromRisk.firstResponse).toMatchObject({ health: 'ok', reachedRiskAt: null, dueAt: hoursIn(24) })
    const fromBreach = read([opened('S1'), severity(2, 'S3')], 3)
    expect(fromBreach.firstResponse).toMatchObject({ health: 'breached', breachedAt: hoursIn(1) })
  })
})

describe('SLA clocks: business hours', () => {
  const policy: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    schedule: {
      kind: 'business',
      timeZone: 'America/Toronto',
      days: [1, 2, 3, 4, 5],
      opensAt: '09:00',
      closesAt: '17:00',
    },
  }

  it('counts only working hours, so a Friday-evening S2 is due Monday afternoon', () => {
    const friday = '2026-06-05T22:00:00.000Z' // 18:00 EDT, after closing
    const clocks = computeSlaClocks([{ type: 'opened', at: friday, status: 'new', severity: 'S2' }], policy)
    expect(clocks.firstResponse.dueAt).toBe('2026-06-08T17:00:00.000Z') // Monday 13:00 EDT
    // S2 resolution: 72 working hours = nine business days.
    expect(clocks.resolution.dueAt).toBe('2026-06-18T21:00:00.000Z') // Thursday 17:00 EDT
    const weekend = computeSlaClocks(
      [{ type: 'opened', at: friday, status: 'new', severity: 'S2' }],
      policy,
      '2026-06-07T20:00:00.000Z',
    )
    expect(weekend.firstResponse).toMatchObject({ health: 'ok', remainingMs: 4 * HOUR })
  })
})

describe('SLA policy schema', () => {
  it('accepts the defaults and rejects a zero target or a threshold out of range', () => {
    expect(SlaPolicySchema.parse(DEFAULT_SLA_POLICY)).toEqual(DEFAULT_SLA_POLICY)
    const zero = structuredClone(DEFAULT_SLA_POLICY)
    zero.targets.S1.firstResponse.amount = 0
    expect(SlaPolicySchema.safeParse(zero).success).toBe(false)
    expect(SlaPolicySchema.safeParse({ ...DEFAULT_SLA_POLICY, atRiskFraction: 1.5 }).success).toBe(false)
  })

  it('refuses clock events that do not start with the opening', () => {
    expect(() => computeSlaClocks([status(1, 'triage')], DEFAULT_SLA_POLICY)).toThrow(/opening/)
  })
})
