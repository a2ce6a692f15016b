import { type BusinessSchedule, type SlaSchedule, SlaScheduleSchema } from '@shared/rules/sla/policy'
import { addWorkingMs, targetMs, workingDayMs, workingMsBetween } from '@shared/rules/sla/working-time'
import { describe, expect, it } from 'vitest'

const HOUR = 3_600_000
const at = (instant: string) => Date.parse(instant)
const iso = (ms: number) => new Date(ms).toISOString()

const officeHours = (timeZone: string): BusinessSchedule => ({
  kind: 'business',
  timeZone,
  days: [1, 2, 3, 4, 5],
  opensAt: '09:00',
  closesAt: '17:00',
})

describe('calendar (24/7) schedule', () => {
  const calendar: SlaSchedule = { kind: 'calendar' }

  it('counts elapsed real time, so a DST change does not stretch or shrink a target', () => {
    // 01:30 EST on the US spring-forward night; one real hour later is 03:30 EDT.
    expect(iso(addWorkingMs(calendar, at('2026-03-08T06:30:00Z'), HOUR))).toBe('2026-03-08T07:30:00.000Z')
    expect(workingMsBetween(calendar, at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'))).toBe(25 * HOUR)
  })

  it('states days as 24 hours', () => {
    expect(workingDayMs(calendar)).toBe(24 * HOUR)
    expect(targetMs({ amount: 7, unit: 'days' }, calendar)).toBe(7 * 24 * HOUR)
    expect(targetMs({ amount: 90, unit: 'minutes' }, calendar)).toBe(1.5 * HOUR)
  })
})

describe('business-hours schedule', () => {
  it('counts only working hours, skipping nights and the weekend', () => {
    const schedule = officeHours('America/New_York')
    // Friday 16:00 EDT → Monday 10:00 EDT is two working hours.
    expect(workingMsBetween(schedule, at('2026-06-05T20:00:00Z'), at('2026-06-08T14:00:00Z'))).toBe(2 * HOUR)
    expect(iso(addWorkingMs(schedule, at('2026-06-05T20:00:00Z'), 4 * HOUR))).toBe('2026-06-08T16:00:00.000Z')
  })

  it('starts a clock opened out of hours at the next opening', () => {
    const schedule = officeHours('America/Chicago')
    // Saturday noon CDT → one working hour ends Monday 10:00 CDT.
    expect(iso(addWorkingMs(schedule, at('2026-06-06T17:00:00Z'), HOUR))).toBe('2026-06-08T15:00:00.000Z')
    expect(workingMsBetween(schedule, at('2026-06-06T17:00:00Z'), at('2026-06-07T23:00:00Z'))).toBe(0)
  })

  it('states days as working days', () => {
    const schedule = officeHours('America/Toronto')
    expect(workingDayMs(schedule)).toBe(8 * HOUR)
    expect(targetMs({ amount: 7, unit: 'days' }, schedule)).toBe(56 * HOUR)
  })

  // US and Canadian zones: with DST (spring forward 2026-03-08, fall back 2026-11-01), without DST
  // (Regina, Phoenix) and with a half-hour offset (St. John's).
  const fridayBeforeSpringForward = [
    // zone, Friday 16:00 local as UTC, Monday 12:00 local as UTC
    ['America/New_York', '2026-03-06T21:00:00Z', '2026-03-09T16:00:00.000Z'],
    ['America/Chicago', '2026-03-06T22:00:00Z', '2026-03-09T17:00:00.000Z'],
    ['America/Denver', '2026-03-06T23:00:00Z', '2026-03-09T18:00:00.000Z'],
    ['America/Los_Angeles', '2026-03-07T00:00:00Z', '2026-03-09T19:00:00.000Z'],
    ['America/Anchorage', '2026-03-07T01:00:00Z', '2026-03-09T20:00:00.000Z'],
    ['Pacific/Honolulu', '2026-03-07T02:00:00Z', '2026-03-09T22:00:00.000Z'],
    ['America/Phoenix', '2026-03-06T23:00:00Z', '2026-03-09T19:00:00.000Z'],
    ['America/Toronto', '2026-03-06T21:00:00Z', '2026-03-09T16:00:00.000Z'],
    ['America/Vancouver', '2026-03-07T00:00:00Z', '2026-03-09T19:00:00.000Z'],
    ['America/Edmonton', '2026-03-06T23:00:00Z', '2026-03-09T18:00:00.000Z'],
    ['America/Winnipeg', '2026-03-06T22:00:00Z', '2026-03-09T17:00:00.000Z'],
    ['America/Regina', '2026-03-06T22:00:00Z', '2026-03-09T18:00:00.000Z'],
    ['America/Halifax', '2026-03-06T20:00:00Z', '2026-03-09T15:00:00.000Z'],
    ['America/St_Johns', '2026-03-06T19:30:00Z', '2026-03-09T14:30:00.000Z'],
  ] as const

  it.each(fridayBeforeSpringForward)(
    '%s: four working hours from Friday 16:00 end Monday 12:00 local across the spring-forward weekend',
    (zone, fridayFour, mondayNoon) => {
      const schedule = officeHours(zone)
      expect(iso(addWorkingMs(schedule, at(fridayFour), 4 * HOUR))).toBe(mondayNoon)
      expect(workingMsBetween(schedule, at(fridayFour), at(mondayNoon))).toBe(4 * HOUR)
    },
  )

  it.each([
    ['America/New_York', '2026-10-30T20:00:00Z', '2026-11-02T17:00:00.000Z'],
    ['America/Toronto', '2026-10-30T20:00:00Z', '2026-11-02T17:00:00.000Z'],
    ['America/Vancouver', '2026-10-30T23:00:00Z', '2026-11-02T20:00:00.000Z'],
    ['America/Regina', '2026-10-30T22:00:00Z', '2026-11-02T18:00:00.000Z'],
    ['America/St_Johns', '2026-10-30T18:30:00Z', '2026-11-02T15:30:00.000Z'],
  ] as const)(
    '%s: four working hours from Friday 16:00 end Monday 12:00 local across the fall-back weekend',
    (zone, fridayFour, mondayNoon) => {
      expect(iso(addWorkingMs(officeHours(zone), at(fridayFour), 4 * HOUR))).toBe(mondayNoon)
    },
  )

  it('keeps the wall-clock working day on a DST Sunday that is a working day', () => {
    const everyDay: SlaSchedule = { ...officeHours('America/Denver'), days: [1, 2, 3, 4, 5, 6, 7] }
    // Sunday 2026-03-08 09:00–17:00 MDT is 15:00Z–23:00Z: still eight hours.
    expect(workingMsBetween(everyDay, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(8 * HOUR)
    expect(iso(addWorkingMs(everyDay, at('2026-03-08T07:00:00Z'), HOUR))).toBe('2026-03-08T16:00:00.000Z')
  })

  it('counts a whole-day window as 23 and 25 hours on the days clocks change', () => {
    const allDay: SlaSchedule = {
      kind: 'business',
      timeZone: 'America/New_York',
      days: [1, 2, 3, 4, 5, 6, 7],
      opensAt: '00:00',
      closesAt: '24:00',
    }
    expect(workingMsBetween(allDay, at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'))).toBe(23 * HOUR)
    expect(workingMsBetween(allDay, at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'))).toBe(25 * HOUR)
  })

  it('adds and measures consistently: the time added is the time measured', () => {
    const schedule = officeHours('America/Halifax')
    let from = at('2026-02-27T13:17:00Z')
    for (const amount of [0.5 * HOUR, 3 * HOUR, 8 * HOUR, 17.25 * HOUR, 80 * HOUR]) {
      const end = addWorkingMs(schedule, from, amount)
      expect(workingMsBetween(schedule, from, end)).toBe(amount)
      from = end
    }
  })

  it('rejects schedules that cannot work', () => {
    const base = officeHours('America/Toronto')
    expect(SlaScheduleSchema.safeParse(base).success).toBe(true)
    expect(SlaScheduleSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false)
    expect(SlaScheduleSchema.safeParse({ ...base, days: [] }).success).toBe(false)
    expect(SlaScheduleSchema.safeParse({ ...base, opensAt: '17:00', closesAt: '09:00' }).success).toBe(false)
    expect(SlaScheduleSchema.safeParse({ ...base, opensAt: '9am' }).success).toBe(false)
  })
})
