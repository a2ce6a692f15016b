import { z } from 'zod'
import { CASE_NUMBER_PATTERN } from './case-number'
import { CaseStatusSchema } from './case-status'
import { IncidentCategorySchema } from './categories'
import { labelledEnum } from './labelled-enum'
import { ActorSchema, IdSchema, TagSchema, TimestampSchema, TimeZoneSchema } from './primitives'
import { SeveritySchema } from './severity'
import { SlaClockEventSchema } from './sla-clock-event'

export const {
  values: ESCALATION_SOURCES,
  schema: EscalationSourceSchema,
  labels: ESCALATION_SOURCE_LABELS,
} = labelledEnum({
  support: 'Support escalation',
  safety_hotline: 'Safety hotline',
  retailer: 'Retailer report',
  automated_signal: 'Automated signal',
  law_enforcement: 'Law enforcement request',
})
export type EscalationSource = z.infer<typeof EscalationSourceSchema>

/** The order the incident happened on, as referenced by the case. */
export const OrderReferenceSchema = z.object({
  orderId: z.string().trim().min(1).max(64),
  retailer: z.string().trim().min(1).max(120),
  storeName: z.string().trim().max(160),
  deliveryAddress: z.string().trim().max(300),
  deliveryAt: TimestampSchema.nullable(),
})
export type OrderReference = z.infer<typeof OrderReferenceSchema>

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
  /**
   * The IANA zone of the place the incident happened (America/Chicago), so its time can be told as
   * the parties' clocks showed it. Optional: cases recorded before it, and synced or bundled ones
   * from older workstations, have none ("not recorded").
   */
  incidentTimeZone: TimeZoneSchema.optional(),
  location: z.string().max(300),
  order: OrderReferenceSchema.nullable(),
  /** What the SLA clocks are computed from: the opening, then every status and severity change. */
  slaEvents: z.array(SlaClockEventSchema).min(1).max(5_000),
  /**
   * Derived from slaEvents under the SLA policy and indexed for the queue: when the earliest running
   * target is due and becomes at risk (NO_SLA_DUE when no clock runs).
   */
  slaDueAt: TimestampSchema,
  slaAtRiskAt: TimestampSchema,
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
  updatedAt: TimestampSchema,
})
export type Case = z.infer<typeof CaseSchema>

export function isAssigned(c: Pick<Case, 'assigneeId'>): boolean {
  return c.assigneeId !== UNASSIGNED
}
