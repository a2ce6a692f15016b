import type { MetricsRange } from '@shared/rules/metrics/case-metrics'
import type { DashboardRange } from './metrics-store'

/** "2026-11-30" for a Date, in the analyst's own calendar. */
export function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The last `days` days, today included. */
export function lastDays(days: number, today = new Date()): DashboardRange {
  const from = new Date(today)
  from.setDate(from.getDate() - (days - 1))
  return { from: localDate(from), to: localDate(today) }
}

export const ALL_TIME: DashboardRange = { from: '', to: '' }

/** The instants a range of local dates covers: from the first day's midnight to the end of the last. */
export function rangeInstants(range: DashboardRange): MetricsRange {
  const instant = (date: string, end: boolean) => {
    if (!date) return null
    const [year, month, day] = date.split('-').map(Number) as [number, number, number]
    const local = end ? new Date(year, month - 1, day, 23, 59, 59, 999) : new Date(year, month - 1, day)
    return Number.isNaN(local.getTime()) ? null : local.toISOString()
  }
  return { from: instant(range.from, false), to: instant(range.to, true) }
}

export function describeRange(range: DashboardRange): string {
  if (!range.from && !range.to) return 'all time'
  if (!range.from) return `up to ${range.to}`
  if (!range.to) return `from ${range.from}`
  return `${range.from} to ${range.to}`
}
