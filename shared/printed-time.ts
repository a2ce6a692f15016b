/** "Nov 24, 2026, 9:15 AM" in the analyst's time zone: a moment as reports and handoffs print it. */
export function formatReportTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  )
}
