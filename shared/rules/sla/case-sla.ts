import type { CaseStatus } from '../../domain/case-status'
import type { Severity } from '../../domain/severity'
import type { SlaClockEvent } from '../../domain/sla-clock-event'
import { computeSlaClocks, type SlaClocks, type SlaTargetClock } from './clock'
import type { SlaPolicy } from './policy'

/**
 * Stored as the due / at-risk instant of a case whose current target is not running (paused while
 * awaiting a party, or every target met): a real timestamp so the case stays in the index, sorting
 * after every real due time.
 */
export const NO_SLA_DUE = '9999-12-31T23:59:59.999Z'

/**
 * The instants the queue indexes: when the target that matters now (the one its chip shows, see
 * currentSlaClock) is due and becomes at risk, while that clock runs. One reading for the sort, the
 * At risk and Breached views and the chips, so they cannot disagree.
 */
export interface CaseSlaInstants {
  slaDueAt: string
  slaAtRiskAt: string
}

export function openingSlaEvent(at: string, status: CaseStatus, severity: Severity): SlaClockEvent {
  return { type: 'opened', at, status, severity }
}

export function slaInstants(clocks: SlaClocks): CaseSlaInstants {
  const clock = currentSlaClock(clocks)
  if (clock?.phase !== 'running') return { slaDueAt: NO_SLA_DUE, slaAtRiskAt: NO_SLA_DUE }
  return { slaDueAt: clock.dueAt ?? NO_SLA_DUE, slaAtRiskAt: clock.atRiskAt ?? NO_SLA_DUE }
}

/** Recomputes a case's indexed SLA instants from its clock events (after a change or a new policy). */
export function caseSlaInstants(events: readonly SlaClockEvent[], policy: SlaPolicy): CaseSlaInstants {
  return slaInstants(computeSlaClocks(events, policy))
}

/** The target the analyst is working against now: first response until given, then resolution. */
export function currentSlaClock(clocks: SlaClocks): SlaTargetClock | null {
  if (clocks.firstResponse.phase !== 'done') return clocks.firstResponse
  if (clocks.resolution.phase !== 'done') return clocks.resolution
  return null
}
