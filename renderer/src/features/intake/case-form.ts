import {
  type Case,
  type EscalationSource,
  INCIDENT_CATEGORY_INFO,
  type IncidentCategory,
  type IntakeParty,
  type NewCaseDraft,
  type Severity,
  TagSchema,
} from '@shared/domain'
import { checkEmail, checkPhone } from '@shared/domain/contact'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'

/** A case's own details as the form holds them: every field a string until it is checked. */
export interface CaseDetailsForm {
  title: string
  summary: string
  category: IncidentCategory
  severity: Severity
  source: EscalationSource
  occurredAt: string
  /** The incident's IANA time zone, '' when not recorded. */
  incidentTimeZone: string
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
  shopperEmail: string
  shopperPhone: string
}

export const blankIntakeForm = (): IntakeForm => ({
  title: '',
  summary: '',
  category: 'property_damage',
  severity: INCIDENT_CATEGORY_INFO.property_damage.typicalSeverity,
  source: 'support',
  occurredAt: '',
  incidentTimeZone: '',
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
  shopperEmail: '',
  shopperPhone: '',
  tags: '',
})

export type FormErrors<F> = Partial<Record<keyof F, string>>

/**
 * How far back an incident or delivery can plausibly be: escalations come days or weeks after the
 * order, so a date further back than this is a typo (1900, 2002 for 2026), not an old case.
 */
export const PLAUSIBLE_YEARS_BACK = 10

/** The reason a date and time entered for the incident or the delivery cannot be right, or null. */
export function implausibleDateTime(value: string, now = Date.now()): string | null {
  if (value === '') return null
  const at = fromLocalInputValue(value)
  if (!at) return 'Not a date and time'
  if (Date.parse(at) > now + 60_000) return 'This is in the future'
  const earliest = new Date(now)
  earliest.setFullYear(earliest.getFullYear() - PLAUSIBLE_YEARS_BACK)
  if (Date.parse(at) < earliest.getTime())
    return `More than ${PLAUSIBLE_YEARS_BACK} years ago (${new Date(at).getFullYear()}): check the year`
  return null
}

/** What is wrong with the case details, field by field, in words the analyst can act on. */
export function caseDetailsErrors(form: CaseDetailsForm, now = Date.now()): FormErrors<CaseDetailsForm> {
  const errors: FormErrors<CaseDetailsForm> = {}
  if (form.title.trim() === '') errors.title = 'Give the case a short title'
  else if (form.title.trim().length > 200) errors.title = 'Keep the title under 200 characters'
  for (const field of ['occurredAt', 'deliveredAt'] as const) {
    const problem = implausibleDateTime(form[field], now)
    if (problem) errors[field] = problem
  }
  const hasOrder = [form.orderId, form.retailer, form.storeName, form.deliveryAddress].some((v) => v.trim())
  if (hasOrder && form.orderId.trim() === '') errors.orderId = 'Enter the order id, or clear the order fields'
  if (hasOrder && form.retailer.trim() === '') errors.retailer = 'Which retailer was the order from?'
  const badTag = splitTags(form.tags).find((tag) => !TagSchema.safeParse(tag).success)
  if (badTag) errors.tags = `"${badTag}" is not a valid tag`
  return errors
}

/** The customer's and shopper's fields of the intake form, by party. */
const INTAKE_PARTIES = [
  {
    role: 'customer',
    name: 'customerName',
    accountId: 'customerAccountId',
    email: 'customerEmail',
    phone: 'customerPhone',
  },
  {
    role: 'shopper',
    name: 'shopperName',
    accountId: 'shopperAccountId',
    email: 'shopperEmail',
    phone: 'shopperPhone',
  },
] as const

/** The case details' problems plus those of the parties named at intake. */
export function intakeErrors(form: IntakeForm, now = Date.now()): FormErrors<IntakeForm> {
  const errors: FormErrors<IntakeForm> = caseDetailsErrors(form, now)
  for (const fields of INTAKE_PARTIES) {
    const email = checkEmail(form[fields.email])
    if (email.problem) errors[fields.email] = email.problem
    const phone = checkPhone(form[fields.phone])
    if (phone.problem) errors[fields.phone] = phone.problem
    const named = [fields.accountId, fields.email, fields.phone].some((field) => form[field].trim())
    if (named && form[fields.name].trim() === '') errors[fields.name] = `Enter the ${fields.role}'s name`
  }
  return errors
}

/** Under a phone field: the number as it will be stored (E.164), once it reads as one. */
export function phoneStoredAs(text: string): string | undefined {
  const phone = checkPhone(text)
  return phone.value ? `Saved as ${phone.value}` : undefined
}

const splitTags = (tags: string) =>
  tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)

/** The case details of a checked form, as a change to a case (or the fields of a new one). */
export function caseDetailsPatch(
  form: CaseDetailsForm,
): Required<Omit<NewCaseDraft, 'parties' | 'incidentTimeZone'>> & Pick<NewCaseDraft, 'incidentTimeZone'> {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    category: form.category,
    severity: form.severity,
    source: form.source,
    occurredAt: fromLocalInputValue(form.occurredAt),
    incidentTimeZone: form.incidentTimeZone || undefined,
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
    incidentTimeZone: record.incidentTimeZone ?? '',
    location: record.location,
    orderId: record.order?.orderId ?? '',
    retailer: record.order?.retailer ?? '',
    storeName: record.order?.storeName ?? '',
    deliveryAddress: record.order?.deliveryAddress ?? '',
    deliveredAt: toLocalInputValue(record.order?.deliveryAt),
    tags: record.tags.join(', '),
  }
}

/** The case to open from a checked intake form (phones as E.164). */
export function intakeDraft(form: IntakeForm): NewCaseDraft {
  const parties: IntakeParty[] = INTAKE_PARTIES.filter((fields) => form[fields.name].trim()).map(
    (fields) => ({
      role: fields.role,
      name: form[fields.name].trim(),
      accountId: form[fields.accountId].trim() || undefined,
      contact: {
        phone: checkPhone(form[fields.phone]).value ?? form[fields.phone].trim(),
        email: form[fields.email].trim(),
        address: '',
      },
    }),
  )
  return { ...caseDetailsPatch(form), parties }
}

/** The account ids the form names, for duplicate detection. */
export const intakeAccountIds = (form: IntakeForm) =>
  [form.customerAccountId, form.shopperAccountId].map((id) => id.trim()).filter(Boolean)
