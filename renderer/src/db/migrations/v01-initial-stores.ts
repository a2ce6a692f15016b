import type { Migration } from './migration'

// Compound indexes serve the queue's views: open cases by SLA due ([status+slaDueAt]), my cases
// ([assigneeId+status]), recently updated per status or category, severity by SLA due.
export const v01InitialStores: Migration = {
  version: 1,
  stores: {
    cases:
      'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, updatedAt, createdAt, *tags, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
    parties: 'id, caseId, accountId, role',
    timelineEvents: 'id, caseId, [caseId+occurredAt]',
    tasks: 'id, caseId, [caseId+position]',
    notes: 'id, caseId, [caseId+createdAt]',
    communications: 'id, caseId, [caseId+occurredAt]',
    evidence: 'id, caseId, sha256, [caseId+exhibitNumber]',
    evidenceBlobs: 'sha256',
    custodyEvents: 'id, evidenceId, caseId, [evidenceId+at]',
    determinations: 'id, caseId, partyId',
    reports: 'id, caseId',
    reportVersions: 'id, reportId, caseId',
    auditEntries: 'id, caseId, [caseId+at], at',
    settings: 'key',
  },
}
