import { z } from 'zod'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

export const TaskSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  title: z.string().trim().min(1, 'a task needs a title').max(300),
  /** Order within the case checklist; gaps allowed so a task can be moved without renumbering. */
  position: z.number().finite(),
  done: z.boolean(),
  doneAt: TimestampSchema.nullable(),
  doneBy: ActorSchema.nullable(),
  dueAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
})
export type Task = z.infer<typeof TaskSchema>
