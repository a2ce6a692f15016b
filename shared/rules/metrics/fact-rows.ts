import type {
  Case,
  CaseStatus,
  Determination,
  IncidentCategory,
  OutcomeKind,
  Severity,
  SlaClockEvent,
} from '../../domain'

/**
 * The dashboard and the consistency helper read 100,000 cases' facts within their budgets by reading
 * small rows the database keeps beside the cases and determinations (not the rows themselves): a
 * case's counted facts packed in one string, and each decided determination's outcome and clauses.
 */

/** What the dashboard counts of a case. */
export type MetricsCase = Pick<
  Case,
  'id' | 'createdAt' | 'status' | 'severity' | 'category' | 'assigneeName' | 'slaEvents'
>

// Separators that never occur in statuses, severities, categories, timestamps or names typed in a form.
export const FIELD = '\u001f'
export const EVENT = '\u001e'
export const PART = '\u001d'

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
export function packCaseFacts(record: Omit<MetricsCase, 'createdAt'>): string {
  return [
    record.id,
    record.status,
    record.severity,
    record.category,
    record.assigneeName.replaceAll(FIELD, ' '),
    record.slaEvents.map(packEvent).join(EVENT),
  ].join(FIELD)
}

export function unpackCaseFacts(createdAt: string, packed: string): MetricsCase {
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

/** A case's facts as the database keeps them beside the case (see renderer/src/db/fact-tables.ts). */
export interface CaseFactsRow {
  id: string
  createdAt: string
  facts: string
}

/** A decided determination as the database keeps it beside the determination. */
export interface DecisionFactsRow {
  id: string
  caseId: string
  /** When the decision's case was opened, and its category ('' while the case is not on this workstation). */
  caseCreatedAt: string
  caseCategory: IncidentCategory | ''
  kind: OutcomeKind
  decidedAt: string
  violatedClauses: string[]
}

/** The facts of a decided determination; null while it has no outcome. */
export function decisionFactsRow(
  row: Determination,
  itsCase: Pick<Case, 'createdAt' | 'category'> | undefined,
): DecisionFactsRow | null {
  if (!row.outcome || !row.decidedAt) return null
  return {
    id: row.id,
    caseId: row.caseId,
    caseCreatedAt: itsCase?.createdAt ?? '',
    caseCategory: itsCase?.category ?? '',
    kind: row.outcome.kind,
    decidedAt: row.decidedAt,
    violatedClauses: [
      ...new Set(row.clauses.filter((clause) => clause.violated).map((clause) => clause.clauseId)),
    ],
  }
}
