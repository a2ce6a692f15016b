import { z } from 'zod'
import { CaseStatusSchema } from './case-status'
import { TimestampSchema } from './primitives'
import { SeveritySchema } from './severity'

/**
 * What the SLA clocks are computed from: the case's opening, its status changes and its severity
 * changes, in order. Everything else (due times, pauses, breaches) is derived, so changing the policy
 * in Settings re-times every case consistently.
 */
export const SlaClockEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('opened'),
    at: TimestampSchema,
    status: CaseStatusSchema,
    severity: SeveritySchema,
  }),
  z.object({ type: z.literal('status'), at: TimestampSchema, status: CaseStatusSchema }),
  z.object({ type: z.literal('severity'), at: TimestampSchema, severity: SeveritySchema }),
])
export type SlaClockEvent = z.infer<typeof SlaClockEventSchema>
