import { z } from 'zod'
import { ActorSchema, IdSchema, Sha256Schema, TimestampSchema } from './primitives'

export const CUSTODY_ACTIONS = [
  'imported',
  'viewed',
  'annotated',
  'reverified',
  'exported',
  'removed',
  'restored',
] as const
export const CustodyActionSchema = z.enum(CUSTODY_ACTIONS)
export type CustodyAction = z.infer<typeof CustodyActionSchema>

/** One line of an evidence item's chain of custody. Append-only: never edited or deleted. */
export const CustodyEventSchema = z.object({
  id: IdSchema,
  evidenceId: IdSchema,
  caseId: IdSchema,
  action: CustodyActionSchema,
  at: TimestampSchema,
  by: ActorSchema,
  /** The hash of the bytes at the time of the event. */
  sha256: Sha256Schema,
  detail: z.string().max(2_000),
})
export type CustodyEvent = z.infer<typeof CustodyEventSchema>
