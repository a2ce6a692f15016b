import type { CaseRepository } from '@db/repositories/cases'
import type { Actor, OrderData } from '@shared/domain'
import { timeZoneAt } from '@shared/rules/orders/drop-off-zone'

/**
 * An imported order tells where the incident happened: a case with no incident time zone yet takes
 * the drop-off's (an audited change, as if the analyst had chosen it). A zone already recorded is
 * never replaced. Returns the zone set, or null.
 */
export async function prefillIncidentZone(
  cases: Pick<CaseRepository, 'get' | 'update'>,
  caseId: string,
  order: Pick<OrderData, 'dropOff'>,
  actor: Actor,
): Promise<string | null> {
  const record = await cases.get(caseId)
  if (!record || record.incidentTimeZone) return null
  const zone = timeZoneAt(order.dropOff.location)
  if (!zone) return null
  await cases.update(caseId, { incidentTimeZone: zone }, actor)
  return zone
}
