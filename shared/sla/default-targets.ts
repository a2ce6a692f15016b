import type { CaseSla } from '../domain/case'
import type { Severity } from '../domain/severity'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/** Default targets per severity (calendar time). The SLA engine makes these configurable. */
export const DEFAULT_SLA_TARGETS: Record<Severity, { firstResponseMs: number; resolutionMs: number }> = {
  S1: { firstResponseMs: 1 * HOUR, resolutionMs: 24 * HOUR },
  S2: { firstResponseMs: 4 * HOUR, resolutionMs: 72 * HOUR },
  S3: { firstResponseMs: 24 * HOUR, resolutionMs: 7 * DAY },
  S4: { firstResponseMs: 72 * HOUR, resolutionMs: 14 * DAY },
}

/** SLA targets for a case opened at `createdAt` with the default calendar targets. */
export function stampDefaultSla(severity: Severity, createdAt: string): CaseSla {
  const opened = Date.parse(createdAt)
  const targets = DEFAULT_SLA_TARGETS[severity]
  return {
    firstResponseDueAt: new Date(opened + targets.firstResponseMs).toISOString(),
    resolutionDueAt: new Date(opened + targets.resolutionMs).toISOString(),
    firstRespondedAt: null,
    resolvedAt: null,
  }
}

/** The earliest target still pending: what the queue sorts by. */
export function nextSlaDueAt(sla: CaseSla): string {
  return sla.firstRespondedAt === null ? sla.firstResponseDueAt : sla.resolutionDueAt
}
