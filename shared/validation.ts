import type { z } from 'zod'

/** Describes a zod failure in one line an analyst or a log reader can act on (first five problems). */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : ''
  return shown.join('; ') + more
}
