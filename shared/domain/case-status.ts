import { z } from 'zod'

export const CASE_STATUSES = [
  'new',
  'triage',
  'investigating',
  'awaiting_party',
  'pending_review',
  'resolved',
  'closed',
] as const

export const CaseStatusSchema = z.enum(CASE_STATUSES)
export type CaseStatus = z.infer<typeof CaseStatusSchema>

export const CASE_STATUS_INFO: Record<CaseStatus, { label: string; meaning: string; open: boolean }> = {
  new: { label: 'New', meaning: 'Escalation received, not yet acknowledged.', open: true },
  triage: {
    label: 'Triage',
    meaning: 'Category and severity being checked; first response due.',
    open: true,
  },
  investigating: {
    label: 'Investigating',
    meaning: 'Gathering and verifying evidence from the parties.',
    open: true,
  },
  awaiting_party: {
    label: 'Awaiting party',
    meaning: 'Waiting on a statement, photos or a call back; the SLA clock is paused.',
    open: true,
  },
  pending_review: {
    label: 'Pending review',
    meaning: 'Determination drafted; waiting for a lead to approve it.',
    open: true,
  },
  resolved: { label: 'Resolved', meaning: 'Outcomes applied and communicated to the parties.', open: false },
  closed: { label: 'Closed', meaning: 'Report filed; nothing further expected.', open: false },
}

/**
 * The status workflow as data: from each status, the statuses an analyst may move the case to.
 * Reopening goes back to investigating so the SLA and checklist pick up where they were.
 */
export const CASE_STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['triage', 'investigating', 'closed'],
  triage: ['investigating', 'awaiting_party', 'closed'],
  investigating: ['awaiting_party', 'pending_review', 'resolved'],
  awaiting_party: ['investigating', 'resolved'],
  pending_review: ['investigating', 'resolved'],
  resolved: ['closed', 'investigating'],
  closed: ['investigating'],
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return CASE_STATUS_TRANSITIONS[from]
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_STATUS_TRANSITIONS[from].includes(to)
}

export function isOpenStatus(status: CaseStatus): boolean {
  return CASE_STATUS_INFO[status].open
}

export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(isOpenStatus)
