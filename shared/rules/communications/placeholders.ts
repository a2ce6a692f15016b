import {
  type Actor,
  CASE_STATUS_INFO,
  type Case,
  categoryLabel,
  PARTY_ROLE_LABELS,
  type Party,
  partyFirstName,
} from '../../domain'

/** {{ name }} with optional spaces; names are dotted paths such as party.firstName. */
const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g

/** Every placeholder a template may use, with what it becomes: shown in the composer and in Settings. */
export const EMAIL_PLACEHOLDERS = {
  'case.number': 'Case number (CR-2026-000123)',
  'case.title': 'Case title',
  'case.category': 'Incident category',
  'case.status': 'Case status',
  'case.occurredOn': 'Date the incident happened',
  'order.id': 'Order id',
  'order.retailer': 'Retailer of the order',
  'order.store': 'Store of the order',
  'order.deliveredOn': 'Date of delivery',
  'party.name': "Recipient's full name",
  'party.firstName': "Recipient's first name",
  'party.role': "Recipient's role (Customer, Shopper ...)",
  'party.email': "Recipient's email address",
  'analyst.name': 'Your name',
  'analyst.firstName': 'Your first name',
} as const
export type EmailPlaceholder = keyof typeof EMAIL_PLACEHOLDERS

export interface FilledTemplate {
  text: string
  /** Placeholders left as written: unknown names, or facts this case does not have yet. */
  unresolved: string[]
}

/** Replaces every known placeholder that has a value; the rest stay as written and are reported. */
export function fillPlaceholders(template: string, values: Partial<Record<string, string>>): FilledTemplate {
  const unresolved = new Set<string>()
  const text = template.replace(PLACEHOLDER, (written, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    if (value === undefined || value.trim() === '') {
      unresolved.add(name)
      return written
    }
    return value
  })
  return { text, unresolved: [...unresolved] }
}

const longDate = (iso: string | null | undefined, timeZone?: string) =>
  iso ? new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(new Date(iso)) : ''

/** The values a message about this case, to this party, from this analyst fills in. */
export function placeholderValues(
  record: Case,
  party: Party | null,
  analyst: Actor,
  timeZone?: string,
): Record<EmailPlaceholder, string> {
  return {
    'case.number': record.caseNumber,
    'case.title': record.title,
    'case.category': categoryLabel(record.category),
    'case.status': CASE_STATUS_INFO[record.status].label,
    'case.occurredOn': longDate(record.occurredAt, timeZone),
    'order.id': record.order?.orderId ?? '',
    'order.retailer': record.order?.retailer ?? '',
    'order.store': record.order?.storeName ?? '',
    'order.deliveredOn': longDate(record.order?.deliveryAt, timeZone),
    'party.name': party?.name ?? '',
    'party.firstName': party ? partyFirstName(party) : '',
    'party.role': party ? PARTY_ROLE_LABELS[party.role] : '',
    'party.email': party?.contact.email ?? '',
    'analyst.name': analyst.name,
    'analyst.firstName': analyst.name.split(/\s+/)[0] ?? analyst.name,
  }
}

/**
 * A mailto: link the analyst's mail client opens as a draft. Encoded per RFC 6068 (spaces as %20,
 * line breaks as %0D%0A), which every common client reads.
 */
export function mailtoLink(to: string, subject: string, body: string): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'))
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encode(subject)}&body=${encode(body)}`
}
