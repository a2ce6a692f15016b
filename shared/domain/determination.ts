import { z } from 'zod'
import { labelledEnum } from './labelled-enum'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

export const {
  values: STANDARDS_OF_PROOF,
  schema: StandardOfProofSchema,
  labels: STANDARD_OF_PROOF_LABELS,
} = labelledEnum({
  confirmed: 'Confirmed',
  more_likely_than_not: 'More likely than not',
  unsubstantiated: 'Unsubstantiated',
})
export type StandardOfProof = z.infer<typeof StandardOfProofSchema>

export const FindingSchema = z.object({
  id: IdSchema,
  statement: z.string().trim().min(1).max(5_000),
  evidenceIds: z.array(IdSchema),
  standard: StandardOfProofSchema,
})
export type Finding = z.infer<typeof FindingSchema>

export const ClauseConsideredSchema = z.object({
  clauseId: z.string().min(1).max(80),
  violated: z.boolean(),
})
export type ClauseConsidered = z.infer<typeof ClauseConsideredSchema>

export const OutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no_action') }),
  z.object({ kind: z.literal('education') }),
  z.object({ kind: z.literal('warning') }),
  z.object({ kind: z.literal('temporary_suspension'), days: z.number().int().min(1).max(365) }),
  z.object({ kind: z.literal('permanent_deactivation') }),
  z.object({
    kind: z.literal('reimbursement'),
    amount: z.number().positive().max(1_000_000),
    currency: z.enum(['USD', 'CAD']),
  }),
  z.object({ kind: z.literal('referral'), to: z.enum(['law_enforcement', 'legal']) }),
])
export type Outcome = z.infer<typeof OutcomeSchema>
export type OutcomeKind = Outcome['kind']
export const OUTCOME_KINDS = OutcomeSchema.options.map((option) => option.shape.kind.value) as OutcomeKind[]
export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  no_action: 'no action',
  education: 'education',
  warning: 'warning',
  temporary_suspension: 'temporary suspension',
  permanent_deactivation: 'permanent deactivation',
  reimbursement: 'reimbursement',
  referral: 'referral to law enforcement or legal',
}
export const OutcomeKindSchema = z.enum(OUTCOME_KINDS as [OutcomeKind, ...OutcomeKind[]])

export const ApprovalSchema = z.object({
  approver: ActorSchema,
  at: TimestampSchema,
  note: z.string().max(2_000),
})
export type Approval = z.infer<typeof ApprovalSchema>

/** The decision for one party of a case. */
export const DeterminationSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  partyId: IdSchema,
  findings: z.array(FindingSchema),
  clauses: z.array(ClauseConsideredSchema),
  outcome: OutcomeSchema.nullable(),
  rationale: z.string().max(20_000),
  /** Required when the outcome is outside the recommended ones. */
  justification: z.string().max(20_000),
  approval: ApprovalSchema.nullable(),
  decidedBy: ActorSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
})
export type Determination = z.infer<typeof DeterminationSchema>
