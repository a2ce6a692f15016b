import {
  type Case,
  type EscalationSource,
  INCIDENT_CATEGORY_INFO,
  type IncidentCategory,
  type Severity,
  TagSchema,
} from '../../../../shared/domain'
import type { IntakeParty, NewCaseDraft } from '../../db/repositories/cases'
import { fromLocalInputValue, toLocalInputValue } from '../../format/time'

/** A case's own details as the form holds them: every field a string until it is checked. */
export interface CaseDetailsForm {
  title: string
  summary: string
  category: IncidentCategory
  severity: Severity
  source: EscalationSource
  occurredAt: string
  location: string
  orderId: string
  retailer: string
  storeName: string
  deliveryAddress: string
  deliveredAt: string
  tags: string
}

/** The intake form: the case's details plus the customer and shopper it names. */
export interface IntakeForm extends CaseDetailsForm {
  customerName: string
  customerAccountId: string
  customerEmail: string
  customerPhone: string
  shopperName: string
  shopperAccountId: string
}

export const blankIntakeForm = (): IntakeForm => ({
  title: '',
  summary: '',
  category: 'property_damage',
  severity: INCIDENT_CATEGORY_INFO.property_damage.typicalSeverity,
  source: 'support',
  occurredAt: '',
  location: '',
  orderId: '',
  retailer: '',
  storeName: '',
  deliveryAddress: '',
  deliveredAt: '',
  customerName: '',
  customerAccountId: '',
  customerEmail: '',
  customerPhone: '',
  shopperName: '',
  shopperAccountId: '',
  tags: '',
})

export type FormErrors<F> = Partial<Record<keyof F, string>>

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** What is wrong with the case details, field by field, in words the analyst can act on. */
export function caseDetailsErrors(form: CaseDetailsForm, now = Date.now()): FormErrors<CaseDetailsForm> {
  const errors: FormErrors<CaseDetailsForm> = {}
  if (form.title.trim() === '') errors.title = 'Give the case a short title'
  else if (form.title.trim().length > 200) errors.title = 'Keep the title under 200 characters'
  for (const field of ['occurredAt', 'deliveredAt'] as const) {
    if (form[field] === '') continue
    const at = fromLocalInputValue(form[field])
    if (!at) errors[field] = 'Not a date and time'
    else if (Date.parse(at) > now + 60_000) errors[field] = 'This is in the future'
  }
  const hasOrder = [form.orderId, form.retailer, form.storeName, form.deliveryAddress].some((v) => v.trim())
  if (hasOrder && form.orderId.trim() === '') errors.orderId = 'Enter the order id, or clear the order fields'
  if (hasOrder && form.retailer.trim() === '') errors.retailer = 'Which retailer was the order from?'
  const badTag = splitTags(form.tags).find((tag) => !TagSchema.safeParse(tag).success)
  if (badTag) errors.tags = `"${badTag}" is not a valid tag`
  return errors
}

/** The case details' problems plus those of the parties named at intake. */
export function intakeErrors(form: IntakeForm, now = Date.now()): FormErrors<IntakeForm> {
  const errors: FormErrors<IntakeForm> = caseDetailsErrors(form, now)
  if (form.customerEmail.trim() && !EMAIL.test(form.customerEmail.trim()))
    errors.customerEmail = 'This is not an email address'
  if ((form.customerAccountId.trim() || form.customerEmail.trim()) && form.customerName.trim() === '')
    errors.customerName = "Enter the customer's name"
  if (form.shopperAccountId.trim() && form.shopperName.trim() === '')
    errors.shopperName = "Enter the shopper's name"
  return errors
}

const splitTags = (tags: string) =>
  tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)

/** The case details of a checked form, as a change to a case (or the fields of a new one). */
export function caseDetailsPatch(form: CaseDetailsForm): Required<Omit<NewCaseDraft, 'parties'>> {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    category: form.category,
    severity: form.severity,
    source: form.source,
    occurredAt: fromLocalInputValue(form.occurredAt),
    location: form.location.trim(),
    order: form.orderId.trim()
      ? {
          orderId: form.orderId.trim(),
          retailer: form.retailer.trim(),
          storeName: form.storeName.trim(),
          deliveryAddress: form.deliveryAddress.trim(),
          deliveryAt: fromLocalInputValue(form.deliveredAt),
        }
      : null,
    tags: [...new Set(splitTags(form.tags))],
  }
}

/** A case's details, for editing them. */
export function caseDetailsFormOf(record: Case): CaseDetailsForm {
  return {
    title: record.title,
    summary: record.summary,
    category: record.category,
    severity: record.severity,
    source: record.source,
    occurredAt: toLocalInputValue(record.occurredAt),
    location: record.location,
    orderId: record.order?.orderId ?? '',
    retailer: record.order?.retailer ?? '',
    storeName: record.order?.storeName ?? '',
    deliveryAddress: record.order?.deliveryAddress ?? '',
    deliveredAt: toLocalInputValue(record.order?.deliveryAt),
    tags: record.tags.join(', '),
  }
}

/** The case to open from a checked intake form. */
export function intakeDraft(form: IntakeForm): NewCaseDraft {
  const parties: IntakeParty[] = []
  if (form.customerName.trim())
    parties.push({
      role: 'customer',
      name: form.customerName.trim(),
      accountId: form.customerAccountId.trim() || undefined,
      contact: { phone: form.customerPhone.trim(), email: form.customerEmail.trim(), address: '' },
    })
  if (form.shopperName.trim())
    parties.push({
      role: 'shopper',
      name: form.shopperName.trim(),
      accountId: form.shopperAccountId.trim() || undefined,
      contact: { phone: '', email: '', address: '' },
    })
  return { ...caseDetailsPatch(form), parties }
}

/** The account ids the form names, for duplicate detection. */
export const intakeAccountIds = (form: IntakeForm) =>
  [form.customerAccountId, form.shopperAccountId].map((id) => id.trim()).filter(Boolean)
