import { z } from 'zod'
import { labelledEnum } from './labelled-enum'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

/**
 * Party verification: every attempt to reach a party (so "we tried three times" is on record), and
 * the corroboration matrix, where each claim of the case is set against every source.
 */

export const {
  values: CONTACT_CHANNELS,
  schema: ContactChannelSchema,
  labels: CONTACT_CHANNEL_LABELS,
} = labelledEnum({
  phone: 'Phone',
  email: 'Email',
  sms: 'SMS',
  in_app: 'In-app message',
})
export const {
  values: CONTACT_OUTCOMES,
  schema: ContactOutcomeSchema,
  labels: CONTACT_OUTCOME_LABELS,
} = labelledEnum({
  reached: 'Reached',
  no_answer: 'No answer',
  declined: 'Declined',
  statement_taken: 'Statement taken',
})
export type ContactOutcome = z.infer<typeof ContactOutcomeSchema>

export const ContactAttemptSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  partyId: IdSchema,
  channel: ContactChannelSchema,
  at: TimestampSchema,
  outcome: ContactOutcomeSchema,
  note: z.string().max(5_000),
  recordedBy: ActorSchema,
})
export type ContactAttempt = z.infer<typeof ContactAttemptSchema>

export const {
  values: STANCES,
  schema: StanceSchema,
  labels: STANCE_LABELS,
} = labelledEnum({
  supports: 'Supports',
  contradicts: 'Contradicts',
  silent: 'Silent',
})
export type Stance = z.infer<typeof StanceSchema>

/**
 * A source of the matrix: a party's statement ("party:<id>"), an evidence item ("evidence:<id>") or
 * the order data ("order:<id>").
 */
export const SourceKeySchema = z.string().regex(/^(party|evidence|order):[^\s]{1,128}$/, 'a source key')

export const CorroborationCellSchema = z.object({
  stance: StanceSchema,
  note: z.string().max(2_000),
})
export type CorroborationCell = z.infer<typeof CorroborationCellSchema>

/** One row of the corroboration matrix: a claim and what each source says about it. */
export const ClaimSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  text: z.string().trim().min(1, 'a claim needs its words').max(1_000),
  position: z.number().finite(),
  /** By source key; a source not in here is silent. */
  cells: z.record(SourceKeySchema, CorroborationCellSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type Claim = z.infer<typeof ClaimSchema>
