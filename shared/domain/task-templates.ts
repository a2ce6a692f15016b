import type { IncidentCategory } from './categories'
import type { Task } from './task'

/**
 * The investigation checklist every new case starts with, per category: the steps a lead expects
 * to see done before a determination. Analysts add, complete and reorder from there.
 */
export const INVESTIGATION_CHECKLISTS: Record<IncidentCategory, readonly string[]> = {
  property_damage: [
    'Collect photos of the damage from the customer',
    "Request the shopper's statement",
    'Verify delivery time and location against order data',
    'Check prior incidents on both accounts',
    'Assess the damage estimate',
  ],
  vehicle_incident: [
    "Request the shopper's statement and insurance details",
    'Collect photos of both vehicles',
    'Request store parking-lot footage',
    'Verify the shopper was on an active order at the time',
    'Check prior vehicle incidents on the shopper account',
  ],
  injury_safety: [
    'Confirm the injured party is safe and has medical care',
    "Take the injured party's statement",
    'Request photos of the location and injuries (with consent)',
    'Check for prior safety reports at the address',
    'Decide whether to flag the address for future orders',
  ],
  harassment_threat: [
    'Preserve the messages and call logs',
    "Take the reporting party's statement",
    "Request the other party's account of events",
    'Check prior conduct reports on both accounts',
    'Block contact between the parties',
  ],
  sexual_misconduct: [
    "Take the reporting party's statement with care",
    'Offer safety resources',
    'Restrict the reported account pending review',
    'Preserve all messages and order data',
    'Escalate to the lead for legal review',
  ],
  theft_missing_items: [
    'Compare the receipt with what the customer received',
    'Check the delivery photo and GPS at drop-off',
    "Request the shopper's statement",
    'Check prior missing-item claims on the customer account',
    'Check the store receipt for the flagged items',
  ],
  fraud_account_integrity: [
    'Review login history and device changes',
    'Compare the claim with prior claims on the account',
    'Check photos for reuse across claims',
    'Verify identity of the account holder',
    'Decide on account restriction',
  ],
  alcohol_age_restricted: [
    'Check the ID scan record for the delivery',
    "Request the shopper's statement",
    'Confirm the recipient age with the customer',
    'Check prior age-restricted violations on the shopper account',
    'Notify the retailer compliance contact',
  ],
  food_safety: [
    'Collect photos of the product and packaging',
    'Record lot numbers and best-before dates',
    "Request the shopper's account of handling",
    'Notify the retailer food safety contact',
    'Check for other reports on the same product',
  ],
  discrimination: [
    "Take the reporting party's statement",
    'Preserve chat messages and ratings',
    "Request the other party's account",
    'Check prior discrimination reports on both accounts',
    'Review with the lead for policy consistency',
  ],
  account_behaviour: [
    'Review the account history of reports',
    'Summarise the pattern of behaviour',
    'Check earlier warnings on the account',
    'Decide on the next enforcement step',
  ],
}

/** Gap between seeded positions, so a task can later be moved between two others without renumbering. */
export const TASK_POSITION_STEP = 1_000

/** The checklist of a new case of this category, as open tasks. */
export function seedInvestigationTasks(
  caseId: string,
  category: IncidentCategory,
  at: string,
  newId: () => string,
): Task[] {
  return INVESTIGATION_CHECKLISTS[category].map((title, index) => ({
    id: newId(),
    caseId,
    title,
    position: (index + 1) * TASK_POSITION_STEP,
    done: false,
    doneAt: null,
    doneBy: null,
    dueAt: null,
    createdAt: at,
  }))
}
