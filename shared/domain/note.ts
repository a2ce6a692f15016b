import { z } from 'zod'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

export const NoteSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  body: z.string().trim().min(1, 'a note cannot be empty').max(50_000),
  author: ActorSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
})
export type Note = z.infer<typeof NoteSchema>
