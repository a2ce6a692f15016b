import { z } from 'zod'
import { CASE_NUMBER_PATTERN } from './case-number'
import { CaseStatusSchema } from './case-status'
import { IncidentCategorySchema } from './categories'
import { ActorSchema, IdSchema, TagSchema, TimestampSchema } from './primitives'
import { SeveritySchema } from './severity'

export const ESCALATION_SOURCES = [
  'support',
  'safety_hotline',
  'retailer',
  'automated_signal',
  'law_enforcement',
] as const
export const EscalationSourceSchema = z.enum(ESCALATION_SOURCES)
export type EscalationSource = z.infer<typeof EscalationSourceSchema>

export const ESCALATION_SOURCE_LABELS: Record<EscalationSource, string> = {
  support: 'Support escalation',
  safety_hotline: 'Safety hotline',
  retailer: 'Retailer report',
  automated_signal: 'Automated signal',
  law_enforcement: 'Law enforcement request',
}

/** The order the incident happened on, as referenced by the case. */
export const OrderReferenceSchema = z.object({
  orderId: z.string().trim().min(1).max(64),
  retailer: z.string().trim().min(1).max(120),
  storeName: z.string().trim().max(160),
  deliveryAddress: z.string().trim().max(300),
  deliveryAt: TimestampSchema.nullable(),
})
export type OrderReference = z.infer<typeof OrderReferenceSchema>

/**
 * SLA targets as stamped on the case. `nextDueAt` is the earliest target still pending
 * (first response until it is given, then resolution) and is what the queue sorts on.
 */
export const CaseSlaSchema = z.object({
  firstResponseDueAt: TimestampSchema,
  resolutionDueAt: TimestampSchema,
  firstRespondedAt: TimestampSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
})
export type CaseSla = z.infer<typeof CaseSlaSchema>

/** Unassigned cases carry an empty assignee id so that the queue's "Unassigned" view can use an index. */
export const UNASSIGNED = ''

export const CaseSchema = z.object({
  id: IdSchema,
  caseNumber: z.string().regex(CASE_NUMBER_PATTERN, 'a case number looks like CR-2026-000123'),
  title: z.string().trim().min(1, 'a case needs a title').max(200),
  summary: z.string().max(20_000),
  category: IncidentCategorySchema,
  severity: SeveritySchema,
  status: CaseStatusSchema,
  source: EscalationSourceSchema,
  assigneeId: z.string().max(128),
  assigneeName: z.string().max(200),
  tags: z.array(TagSchema).max(50),
  occurredAt: TimestampSchema.nullable(),
  location: z.string().max(300),
  order: OrderReferenceSchema.nullable(),
  sla: CaseSlaSchema,
  /** Mirror of the earliest pending SLA target, indexed for "sort by SLA due". */
  slaDueAt: TimestampSchema,
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
  updatedAt: TimestampSchema,
})
export type Case = z.infer<typeof CaseSchema>

export function isAssigned(c: Pick<Case, 'assigneeId'>): boolean {
  return c.assigneeId !== UNASSIGNED
}
