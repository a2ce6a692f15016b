import type { PersonalDatum, RedactionProfiles } from '../../domain'

const CONTACT: PersonalDatum[] = ['phone', 'email', 'address', 'accountId', 'statements']
const ALL: PersonalDatum[] = ['name', ...CONTACT]

/** What the marketplace's policy starts from: each party sees its own data, not the others'. */
export const DEFAULT_REDACTION_PROFILES: RedactionProfiles = {
  internal: {},
  legal: {},
  customer: { shopper: CONTACT, retailer: CONTACT, witness: ALL, other: ALL },
  shopper: { customer: CONTACT, retailer: CONTACT, witness: ALL, other: ALL },
  retailer: { customer: ALL, shopper: CONTACT, witness: ALL, other: ALL },
}
