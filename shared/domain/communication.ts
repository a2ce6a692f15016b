import { z } from 'zod'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

export const COMMUNICATION_CHANNELS = ['phone', 'email', 'sms', 'in_app_chat'] as const
export const CommunicationChannelSchema = z.enum(COMMUNICATION_CHANNELS)
export type CommunicationChannel = z.infer<typeof CommunicationChannelSchema>

export const CALL_OUTCOMES = ['reached', 'voicemail', 'no_answer', 'declined', 'wrong_number'] as const
export const CallOutcomeSchema = z.enum(CALL_OUTCOMES)

export const CommunicationSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  partyId: IdSchema.nullable(),
  channel: CommunicationChannelSchema,
  direction: z.enum(['inbound', 'outbound']),
  occurredAt: TimestampSchema,
  /** Calls only. */
  durationSeconds: z.number().int().min(0).max(86_400).nullable(),
  outcome: CallOutcomeSchema.nullable(),
  subject: z.string().max(300),
  /** Call summary or message text (always plain text). */
  body: z.string().max(100_000),
  templateId: z.string().max(80).nullable(),
  recordedBy: ActorSchema,
  recordedAt: TimestampSchema,
})
export type Communication = z.infer<typeof CommunicationSchema>
