import { z } from 'zod'
import { labelledEnum } from './labelled-enum'
import { PartyRoleSchema } from './party'

/**
 * Who an exported report is for, and what of each party's personal data an audience's redaction
 * profile hides: the same report goes to the customer, the shopper, the retailer, legal and the team.
 */

export const {
  values: AUDIENCES,
  schema: AudienceSchema,
  labels: AUDIENCE_LABELS,
} = labelledEnum({
  internal: 'Internal (Trust & Safety)',
  legal: 'Legal',
  customer: 'Customer',
  shopper: 'Shopper',
  retailer: 'Retailer',
})
export type Audience = z.infer<typeof AudienceSchema>

export const {
  values: PERSONAL_DATA,
  schema: PersonalDatumSchema,
  labels: PERSONAL_DATUM_LABELS,
} = labelledEnum({
  name: 'name',
  phone: 'phone',
  email: 'email',
  address: 'address',
  accountId: 'account id',
  statements: 'statements',
})
export type PersonalDatum = z.infer<typeof PersonalDatumSchema>

/** For one audience: what of each role's parties is hidden. */
export const RedactionProfileSchema = z.partialRecord(PartyRoleSchema, z.array(PersonalDatumSchema))
export type RedactionProfile = z.infer<typeof RedactionProfileSchema>
export const RedactionProfilesSchema = z.record(AudienceSchema, RedactionProfileSchema)
export type RedactionProfiles = z.infer<typeof RedactionProfilesSchema>

/** One line of an export's redaction log: what was hidden, and how many times. */
export const RedactionLogEntrySchema = z.object({
  /** "shopper phone", or "manual" for the analyst's own redactions. */
  rule: z.string().max(200),
  detail: z.string().max(500),
  count: z.number().int().min(0),
})
export type RedactionLogEntry = z.infer<typeof RedactionLogEntrySchema>
