import { z } from 'zod'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

export const AUDITED_ENTITIES = [
  'case',
  'party',
  'timelineEvent',
  'task',
  'note',
  'communication',
  'evidence',
  'annotation',
  'determination',
  'order',
  'contactAttempt',
  'claim',
  'report',
  'reportVersion',
  'settings',
] as const
export const AuditedEntitySchema = z.enum(AUDITED_ENTITIES)
export type AuditedEntity = z.infer<typeof AuditedEntitySchema>

export const FieldChangeSchema = z.object({
  field: z.string().min(1).max(120),
  before: z.unknown(),
  after: z.unknown(),
})
export type FieldChange = z.infer<typeof FieldChangeSchema>

/** One write, as the audit tab shows it: who, when, what, before → after. Appended by repositories only. */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  /** Empty for writes that belong to no case (settings). */
  caseId: z.string().max(128),
  entity: AuditedEntitySchema,
  entityId: IdSchema,
  /** 'overtaken': a change of this workstation's that the team server found a later one had beaten. */
  action: z.enum(['create', 'update', 'delete', 'import', 'overtaken']),
  at: TimestampSchema,
  actor: ActorSchema,
  changes: z.array(FieldChangeSchema),
  summary: z.string().max(500),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
