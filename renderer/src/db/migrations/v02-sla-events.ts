import type { Case, CaseStatus, SlaClockEvent } from '@shared/domain'
import { caseSlaInstants, openingSlaEvent } from '@shared/rules/sla/case-sla'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import type { Migration } from './migration'

/** The SLA stamps of schema version 1. */
interface VersionOneSla {
  firstRespondedAt: string | null
  resolvedAt: string | null
}

/** Rebuilds clock events from version 1's stamps: opened, first response, resolution, current status. */
function slaEventsFromVersionOne(record: Case, sla: VersionOneSla | undefined): SlaClockEvent[] {
  const events: SlaClockEvent[] = [openingSlaEvent(record.createdAt, 'new', record.severity)]
  let status: CaseStatus = 'new'
  let at = record.createdAt
  const change = (when: string, to: CaseStatus) => {
    at = [at, when].sort()[1]!
    status = to
    events.push({ type: 'status', at, status })
  }
  if (sla?.firstRespondedAt) change(sla.firstRespondedAt, 'investigating')
  if (sla?.resolvedAt) change(sla.resolvedAt, 'resolved')
  if (status !== record.status) change(record.updatedAt, record.status)
  return events
}

// SLA clocks replay events (opening, status and severity changes) under the policy in Settings; cases
// also index when they become at risk. Older cases get their events rebuilt from the stamps version 1
// kept.
export const v02SlaEvents: Migration = {
  version: 2,
  stores: {
    cases:
      'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
  },
  upgrade: (tx) =>
    tx
      .table('cases')
      .toCollection()
      .modify((record: Case & { sla?: VersionOneSla }) => {
        if (record.slaEvents) return
        record.slaEvents = slaEventsFromVersionOne(record, record.sla)
        Object.assign(record, caseSlaInstants(record.slaEvents, DEFAULT_SLA_POLICY))
        delete record.sla
      }),
}
