import type { IncidentCategory } from '../../domain/categories'

/** The sections every investigation report has, in order. */
export const REPORT_SECTIONS = [
  'Summary',
  'Parties',
  'Incident',
  'Investigation steps',
  'Evidence',
  'Findings',
  'Policy analysis',
  'Determination',
  'Actions taken',
  'Communications',
] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

/** Sections whose table fills from the case records and can be refreshed from them. */
export const CASE_TABLE_SECTIONS = {
  Parties: 'parties',
  Incident: 'timeline',
  Evidence: 'evidence',
  Findings: 'findings',
  'Policy analysis': 'clauses',
  Determination: 'determinations',
  Communications: 'communications',
} as const satisfies Partial<Record<ReportSection, string>>
/** Case tables: a section's own, or the corroboration matrix (inserted where the analyst puts it). */
export type CaseTableSource = (typeof CASE_TABLE_SECTIONS)[keyof typeof CASE_TABLE_SECTIONS] | 'corroboration'

export interface ReportTemplate {
  id: string
  label: string
  categories: readonly IncidentCategory[]
  /** What to write in each section: shown in the editor while the section is empty, never printed. */
  guidance: Record<ReportSection, string>
}

const COMMON: Record<ReportSection, string> = {
  Summary: 'What happened, to whom, what you found and the outcome, in three or four sentences.',
  Parties: 'Who is involved and how each party took part. The table lists them from the case.',
  Incident: 'What happened, in order, with times. The table lists the case timeline.',
  'Investigation steps': 'What you did to establish the facts: calls, requests, checks, in order.',
  Evidence: 'What each exhibit shows and how reliable it is. Cite exhibits by number.',
  Findings:
    'Each finding: the statement, the exhibits it rests on, and the standard (confirmed, more likely than not, unsubstantiated).',
  'Policy analysis': 'Each policy clause considered, and whether it was violated, with your reasoning.',
  Determination: 'The outcome for each party and why.',
  'Actions taken': 'Account actions, reimbursements, referrals and follow-ups, with dates.',
  Communications:
    'What each party was told and when. The table lists the calls and emails logged on the case.',
}

/** One template per kind of incident; the guidance differs where the investigation does. */
export const REPORT_TEMPLATES: readonly ReportTemplate[] = [
  {
    id: 'property-damage',
    label: 'Property damage',
    categories: ['property_damage'],
    guidance: {
      ...COMMON,
      Incident:
        "What was damaged, when and how, from each party's account. The table lists the case timeline.",
      Evidence:
        'Photos of the damage (with their capture time and place), estimates and receipts. Cite exhibits by number.',
      Determination:
        'Responsibility for the damage, and whether a reimbursement is approved and for how much.',
    },
  },
  {
    id: 'safety-incident',
    label: 'Safety incident',
    categories: ['vehicle_incident', 'injury_safety', 'alcohol_age_restricted', 'food_safety'],
    guidance: {
      ...COMMON,
      Summary: 'What happened, who was hurt or at risk, the immediate actions taken and the outcome.',
      Incident:
        'The sequence of events with times and places, and any injuries or medical care. The table lists the case timeline.',
      'Actions taken':
        'Immediate safety actions, account restrictions, insurer or law-enforcement contact, with dates.',
    },
  },
  {
    id: 'harassment-threat',
    label: 'Harassment or threat',
    categories: ['harassment_threat', 'sexual_misconduct', 'discrimination'],
    guidance: {
      ...COMMON,
      Summary:
        'The conduct reported, by whom against whom, what you found and the outcome. Keep personal details to what the reader needs.',
      Evidence:
        'Messages, recordings and statements, quoted exactly where the words matter. Cite exhibits by number.',
      'Actions taken':
        'Safety measures for the reporting party (blocks, reassignments), account actions and referrals.',
    },
  },
  {
    id: 'fraud-account-behaviour',
    label: 'Fraud or account behaviour',
    categories: ['fraud_account_integrity', 'account_behaviour', 'theft_missing_items'],
    guidance: {
      ...COMMON,
      Incident:
        'The pattern of activity, with order ids, amounts and dates. The table lists the case timeline.',
      Evidence: 'Order records, account signals, prior cases and statements. Cite exhibits by number.',
      Determination: 'Whether the claim or conduct is substantiated, and the account outcome.',
    },
  },
  { id: 'general', label: 'General', categories: [], guidance: COMMON },
]

export function reportTemplate(id: string): ReportTemplate {
  return REPORT_TEMPLATES.find((template) => template.id === id) ?? REPORT_TEMPLATES.at(-1)!
}

/** The template made for a case's category, or the general one. */
export function templateForCategory(category: IncidentCategory): ReportTemplate {
  return (
    REPORT_TEMPLATES.find((template) => template.categories.includes(category)) ?? reportTemplate('general')
  )
}
