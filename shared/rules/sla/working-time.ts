import { DateTime } from 'luxon'
import type { BusinessSchedule, SlaDuration, SlaSchedule } from './policy'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** One stretch of working time, as instants (ms since the epoch). */
interface Window {
  start: number
  end: number
}

function minutesOf(localTime: string): number {
  const [hours, minutes] = localTime.split(':').map(Number)
  return hours! * 60 + minutes!
}

/**
 * The working window of one local date. Built from the local midnight plus minutes, then corrected
 * to the wall-clock time, so a 09:00–17:00 day stays 09:00–17:00 on the days clocks change.
 */
function windowOn(schedule: BusinessSchedule, date: DateTime): Window | null {
  if (!schedule.days.includes(date.weekday)) return null
  const at = (localTime: string) => {
    const minutes = minutesOf(localTime)
    if (minutes === 24 * 60) return date.plus({ days: 1 }).startOf('day').toMillis()
    return date
      .set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
      .toMillis()
  }
  const start = at(schedule.opensAt)
  const end = at(schedule.closesAt)
  return end > start ? { start, end } : null
}

/** Working windows from the local day containing `from` onwards, in order, for at most `maxDays` days. */
function* windowsFrom(schedule: BusinessSchedule, from: number, maxDays: number): Generator<Window> {
  let date = DateTime.fromMillis(from, { zone: schedule.timeZone }).startOf('day')
  for (let day = 0; day < maxDays; day++) {
    const window = windowOn(schedule, date)
    if (window) yield window
    date = date.plus({ days: 1 })
  }
}

/** Working windows from the local day containing `from` backwards, latest first, for at most `maxDays` days. */
function* windowsBefore(schedule: BusinessSchedule, from: number, maxDays: number): Generator<Window> {
  let date = DateTime.fromMillis(from, { zone: schedule.timeZone }).startOf('day')
  for (let day = 0; day < maxDays; day++) {
    const window = windowOn(schedule, date)
    if (window) yield window
    date = date.minus({ days: 1 })
  }
}

/** How long one working day is, for targets stated in days. */
export function workingDayMs(schedule: SlaSchedule): number {
  if (schedule.kind === 'calendar') return DAY
  return (minutesOf(schedule.closesAt) - minutesOf(schedule.opensAt)) * MINUTE
}

/** A policy target as working milliseconds under the schedule. */
export function targetMs(duration: SlaDuration, schedule: SlaSchedule): number {
  switch (duration.unit) {
    case 'minutes':
      return duration.amount * MINUTE
    case 'hours':
      return duration.amount * HOUR
    case 'days':
      return duration.amount * workingDayMs(schedule)
  }
}

/** Working time between two instants (zero when `to` is not after `from`). */
export function workingMsBetween(schedule: SlaSchedule, from: number, to: number): number {
  if (to <= from) return 0
  if (schedule.kind === 'calendar') return to - from
  const spanDays = Math.ceil((to - from) / DAY) + 2
  let total = 0
  for (const window of windowsFrom(schedule, from, spanDays)) {
    if (window.start >= to) break
    total += Math.max(0, Math.min(window.end, to) - Math.max(window.start, from))
  }
  return total
}

/**
 * The instant at which `amount` of working time has passed after `from`. Under business hours a
 * clock started out of hours begins at the next opening.
 */
export function addWorkingMs(schedule: SlaSchedule, from: number, amount: number): number {
  if (schedule.kind === 'calendar' || amount <= 0) return from + Math.max(0, amount)
  let remaining = amount
  // Every week holds at least one working window, so this many days always suffices.
  const maxDays = (Math.ceil(amount / workingDayMs(schedule)) + 1) * 7 + 7
  for (const window of windowsFrom(schedule, from, maxDays)) {
    const start = Math.max(window.start, from)
    if (start >= window.end) continue
    const available = window.end - start
    if (remaining <= available) return start + remaining
    remaining -= available
  }
  throw new Error('The SLA schedule has no working time')
}

/**
 * The earliest instant from which `amount` of working time has passed by `to`: addWorkingMs run
 * backwards, for a clock whose time ran out before `to` (its due instant, moved on by every pause).
 */
export function subtractWorkingMs(schedule: SlaSchedule, to: number, amount: number): number {
  if (schedule.kind === 'calendar') return to - Math.max(0, amount)
  // Even no time at all goes back to the last closing when `to` is out of hours.
  let remaining = Math.max(0, amount)
  const maxDays = (Math.ceil(remaining / workingDayMs(schedule)) + 1) * 7 + 7
  for (const window of windowsBefore(schedule, to, maxDays)) {
    const end = Math.min(window.end, to)
    if (end <= window.start) continue
    const available = end - window.start
    // Strictly less: an amount that uses the whole window goes back to the previous closing,
    // the earliest instant, as addWorkingMs gives the earliest going forwards.
    if (remaining < available) return end - remaining
    remaining -= available
  }
  throw new Error('The SLA schedule has no working time')
}
