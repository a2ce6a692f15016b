import type { Case, EscalationSource, OrderReference } from './case'
import type { IncidentCategory } from './categories'
import type { Party } from './party'
import type { Severity } from './severity'

/**
 * What the intake form hands over to open a case, and what an analyst may change on one: the
 * contract between the case forms and the case records.
 */

/** A party named at intake (the reporting customer, the shopper on the order ...). */
export type IntakeParty = Pick<Party, 'role' | 'name' | 'accountId' | 'contact'>

export interface NewCaseDraft {
  title: string
  summary: string
  category: IncidentCategory
  severity: Severity
  source: EscalationSource
  occurredAt: string | null
  /** Absent (or undefined, to clear it) when the incident's zone is not recorded. */
  incidentTimeZone?: string | undefined
  location: string
  order: OrderReference | null
  tags: string[]
  parties?: IntakeParty[]
}

/** What an analyst may change directly on a case; numbers, SLA stamps and history are the app's. */
export type CasePatch = Partial<
  Pick<
    Case,
    | 'title'
    | 'summary'
    | 'category'
    | 'severity'
    | 'status'
    | 'source'
    | 'assigneeId'
    | 'assigneeName'
    | 'tags'
    | 'occurredAt'
    | 'incidentTimeZone'
    | 'location'
    | 'order'
  >
>
