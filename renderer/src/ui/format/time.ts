const absolute = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' })
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' })

/** "Mar 8, 2026, 6:30 AM" in the analyst's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? absolute.format(new Date(iso)) : '—'
}

/**
 * A time someone else wrote as text (an email's Date header, read as an ISO instant when it names
 * one): shown like every other time in the app, or as written when it names no instant.
 */
export function formatWrittenDateTime(text: string | null | undefined): string {
  if (!text) return '—'
  return Number.isNaN(Date.parse(text)) ? text : formatDateTime(new Date(text).toISOString())
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 hours ago", "in 2 days": for scanning a list; the exact time goes in a tooltip. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—'
  const seconds = (Date.parse(iso) - now) / 1000
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return 'just now'
}

const pad = (value: number) => String(value).padStart(2, '0')

/** An instant as the value of an <input type="datetime-local"> (the analyst's local time, to the minute). */
export function toLocalInputValue(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The instant a datetime-local value names in the analyst's time zone, or null when blank or invalid. */
export function fromLocalInputValue(value: string): string | null {
  if (!value) return null
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}
