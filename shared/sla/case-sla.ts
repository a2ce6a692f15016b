import type { CaseStatus } from '../domain/case-status'
import type { Severity } from '../domain/severity'
import { computeSlaClocks, type SlaClockEvent, type SlaClocks, type SlaTargetClock } from './clock'
import type { SlaPolicy } from './policy'

/**
 * Stored as the due / at-risk instant of a case with no running SLA clock (paused, met or resolved):
 * a real timestamp so the case stays in the index, sorting after every real due time.
 */
export const NO_SLA_DUE = '9999-12-31T23:59:59.999Z'

/** The instants the queue indexes: the earliest due and at-risk times of the running clocks. */
export interface CaseSlaInstants {
  slaDueAt: string
  slaAtRiskAt: string
}

export function openingSlaEvent(at: string, status: CaseStatus, severity: Severity): SlaClockEvent {
  return { type: 'opened', at, status, severity }
}

function earliest(values: Array<string | null>): string {
  return values.reduce<string>(
    (first, value) => (value !== null && value < first ? value : first),
    NO_SLA_DUE,
  )
}

export function slaInstants(clocks: SlaClocks): CaseSlaInstants {
  const running = [clocks.firstResponse, clocks.resolution].filter((clock) => clock.phase === 'running')
  return {
    slaDueAt: earliest(running.map((clock) => clock.dueAt)),
    slaAtRiskAt: earliest(running.map((clock) => clock.atRiskAt)),
  }
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
