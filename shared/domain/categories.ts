import { z } from 'zod'
import type { Severity } from './severity'

export const INCIDENT_CATEGORIES = [
  'property_damage',
  'vehicle_incident',
  'injury_safety',
  'harassment_threat',
  'sexual_misconduct',
  'theft_missing_items',
  'fraud_account_integrity',
  'alcohol_age_restricted',
  'food_safety',
  'discrimination',
  'account_behaviour',
] as const

export const IncidentCategorySchema = z.enum(INCIDENT_CATEGORIES)
export type IncidentCategory = z.infer<typeof IncidentCategorySchema>

export interface IncidentCategoryInfo {
  label: string
  /** What belongs in the category, in the words of the product owner's domain primer. */
  examples: string
  /** Where most cases of this kind start before the analyst's own assessment. */
  typicalSeverity: Severity
}

export const INCIDENT_CATEGORY_INFO: Record<IncidentCategory, IncidentCategoryInfo> = {
  property_damage: {
    label: 'Property damage',
    examples:
      "Shopper's car hits a mailbox or garage door; spilled goods stain a carpet; gate or fence damaged",
    typicalSeverity: 'S3',
  },
  vehicle_incident: {
    label: 'Vehicle incident',
    examples: 'Collision during a delivery, parking-lot accident at the store',
    typicalSeverity: 'S2',
  },
  injury_safety: {
    label: 'Injury / safety',
    examples: "Dog bite, slip and fall on a customer's steps, a shopper threatened with a weapon",
    typicalSeverity: 'S2',
  },
  harassment_threat: {
    label: 'Harassment / threat',
    examples: 'Abusive messages, unwanted contact after delivery, discriminatory remarks',
    typicalSeverity: 'S2',
  },
  sexual_misconduct: {
    label: 'Sexual misconduct',
    examples: 'Inappropriate comments or conduct by either party (highest sensitivity)',
    typicalSeverity: 'S1',
  },
  theft_missing_items: {
    label: 'Theft / missing items',
    examples: 'Items taken, order not delivered but marked delivered, package theft',
    typicalSeverity: 'S3',
  },
  fraud_account_integrity: {
    label: 'Fraud / account integrity',
    examples: 'Fake damage claims, account takeover, shared or sold shopper accounts',
    typicalSeverity: 'S3',
  },
  alcohol_age_restricted: {
    label: 'Alcohol / age-restricted',
    examples: 'Delivery of alcohol without ID check, to an intoxicated or underage person',
    typicalSeverity: 'S2',
  },
  food_safety: {
    label: 'Food safety',
    examples: 'Tampered, spoiled or contaminated items',
    typicalSeverity: 'S3',
  },
  discrimination: {
    label: 'Discrimination',
    examples: 'Refusal of service or treatment based on a protected characteristic',
    typicalSeverity: 'S2',
  },
  account_behaviour: {
    label: 'Account behaviour',
    examples: 'Repeated policy breaches, threats to staff, abuse of support',
    typicalSeverity: 'S4',
  },
}

export function categoryLabel(category: IncidentCategory): string {
  return INCIDENT_CATEGORY_INFO[category].label
}
