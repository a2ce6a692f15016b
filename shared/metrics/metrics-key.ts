import type { Case, CaseStatus, IncidentCategory, OutcomeKind, Severity } from '../domain'
import type { SlaClockEvent } from '../sla/clock'

/**
 * The dashboard and the consistency helper read 100,000 cases' facts within their budgets by reading
 * index keys only (no rows): the facts they count are packed into keys the database derives on every
 * write. These are the packings, both ways.
 */

/** What the dashboard counts of a case. */
export type MetricsCase = Pick<
  Case,
  'id' | 'createdAt' | 'status' | 'severity' | 'category' | 'assigneeName' | 'slaEvents'
>

// Separators that never occur in statuses, severities, categories, timestamps or names typed in a form.
const FIELD = '\u001f'
const EVENT = '\u001e'
const PART = '\u001d'

function packEvent(event: SlaClockEvent): string {
  switch (event.type) {
    case 'opened':
      return ['o', event.at, event.status, event.severity].join(PART)
    case 'status':
      return ['s', event.at, event.status].join(PART)
    case 'severity':
      return ['v', event.at, event.severity].join(PART)
  }
}

function unpackEvent(packed: string): SlaClockEvent {
  const [type, at, value, severity] = packed.split(PART) as [string, string, string, string | undefined]
  if (type === 'o') return { type: 'opened', at, status: value as CaseStatus, severity: severity as Severity }
  if (type === 's') return { type: 'status', at, status: value as CaseStatus }
  return { type: 'severity', at, severity: value as Severity }
}

/** The case's id, status, severity, category, assignee and SLA clock events as one string. */
export function packMetricsKey(record: Omit<MetricsCase, 'createdAt'>): string {
  return [
    record.id,
    record.status,
    record.severity,
    record.category,
    record.assigneeName.replaceAll(FIELD, ' '),
    record.slaEvents.map(packEvent).join(EVENT),
  ].join(FIELD)
}

export function unpackMetricsKey(createdAt: string, packed: string): MetricsCase {
  const [id, status, severity, category, assigneeName, events] = packed.split(FIELD) as [
    string,
    CaseStatus,
    Severity,
    IncidentCategory,
    string,
    string,
  ]
  return {
    id,
    createdAt,
    status,
    severity,
    category,
    assigneeName,
    slaEvents: events ? events.split(EVENT).map(unpackEvent) : [],
  }
}

/** A decided party's outcome as an index key: [case id, outcome kind]. */
export type OutcomeKey = [caseId: string, kind: OutcomeKind]

/** A decision on a clause found violated, as an index key. */
export type DecisionKey = [
  clauseId: string,
  caseId: string,
  kind: OutcomeKind,
  decidedAt: string,
  determinationId: string,
]
