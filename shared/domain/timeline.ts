import { z } from 'zod'
import { labelledEnum } from './labelled-enum'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

export const {
  values: TIMELINE_EVENT_KINDS,
  schema: TimelineEventKindSchema,
  labels: TIMELINE_KIND_LABELS,
} = labelledEnum({
  manual: 'Event',
  status_change: 'Status change',
  communication: 'Communication',
  evidence: 'Evidence',
  order: 'Order data',
  note: 'Note',
  task: 'Task',
  assignment: 'Assignment',
})
export type TimelineEventKind = z.infer<typeof TimelineEventKindSchema>

export const TimelineEventSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: TimelineEventKindSchema,
  occurredAt: TimestampSchema,
  title: z.string().trim().min(1).max(300),
  detail: z.string().max(10_000),
  /** The record the event was derived from (a communication, an evidence item ...), if any. */
  ref: z.object({ entity: z.string().min(1).max(40), id: IdSchema }).nullable(),
  recordedBy: ActorSchema,
  recordedAt: TimestampSchema,
})
export type TimelineEvent = z.infer<typeof TimelineEventSchema>
