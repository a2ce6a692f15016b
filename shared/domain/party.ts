import { z } from 'zod'
import { labelledEnum } from './labelled-enum'
import { IdSchema, TimestampSchema } from './primitives'

export const {
  values: PARTY_ROLES,
  schema: PartyRoleSchema,
  labels: PARTY_ROLE_LABELS,
} = labelledEnum({
  customer: 'Customer',
  shopper: 'Shopper',
  retailer: 'Retailer',
  witness: 'Witness',
  other: 'Other party',
})
export type PartyRole = z.infer<typeof PartyRoleSchema>

export const PartyContactSchema = z.object({
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  address: z.string().trim().max(300),
})
export type PartyContact = z.infer<typeof PartyContactSchema>

export const PartySchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  role: PartyRoleSchema,
  name: z.string().trim().min(1, 'a party needs a name').max(200),
  /** Marketplace account id (customer, shopper or retailer account); absent for witnesses and others. */
  accountId: z.string().trim().min(1).max(64).optional(),
  contact: PartyContactSchema,
  notes: z.string().max(5_000),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type Party = z.infer<typeof PartySchema>

/** The name a message greets the party by. */
export function partyFirstName(party: Pick<Party, 'name' | 'role'>): string {
  if (party.role === 'retailer') return party.name
  return party.name.split(/\s+/)[0] ?? party.name
}
