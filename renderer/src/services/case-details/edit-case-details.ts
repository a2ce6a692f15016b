import { guardStorage } from '@db/storage'
import type { Actor, Case, NewCaseDraft } from '@shared/domain'
import type { Workstation } from '../workstation'

/** A case's own details as the analyst edits them (its number, status, assignee and clocks are not). */
export type CaseDetails = Omit<NewCaseDraft, 'parties'>

/**
 * A time given to the minute (as the forms show times) that is the stored time's minute keeps the
 * stored time: saving a case whose time was left alone does not drop its seconds.
 */
function toTheMinute(given: string | null, stored: string | null | undefined): string | null {
  const minute = (iso: string) => Math.floor(Date.parse(iso) / 60_000)
  return given !== null && stored && Date.parse(given) % 60_000 === 0 && minute(given) === minute(stored)
    ? stored
    : given
}

/**
 * Saves a case's edited details: title, category, severity (which re-times its SLA clocks), source,
 * summary, time and place, order and tags. Every changed field is an audit line; a case that is no
 * longer here is refused.
 */
export function editCaseDetails(
  { db, repositories }: Workstation,
  caseId: string,
  details: CaseDetails,
  analyst: Actor,
): Promise<Case> {
  return guardStorage(() =>
    db.transaction('rw', [db.cases, db.settings, db.timelineEvents, db.auditEntries], async () => {
      const stored = await repositories.cases.get(caseId)
      const occurredAt = toTheMinute(details.occurredAt, stored?.occurredAt)
      const order = details.order && {
        ...details.order,
        deliveryAt: toTheMinute(details.order.deliveryAt, stored?.order?.deliveryAt),
      }
      return repositories.cases.update(caseId, { ...details, occurredAt, order }, analyst)
    }),
  )
}
