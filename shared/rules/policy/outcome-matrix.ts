import { z } from 'zod'
import { type Outcome, type OutcomeKind, OutcomeKindSchema } from '../../domain/determination'
import { type Severity, SeveritySchema } from '../../domain/severity'
import { ClauseIdSchema, clauseIndex, type PolicyDocument } from './policy-document'

/**
 * The outcome matrix: for a case's severity and the clauses found violated, the outcomes the team
 * recommends, so analysts decide alike. Each clause allows some outcomes; the severity narrows them
 * to those in proportion. A team can set its own entries for any severity and clause.
 */

/** What is in proportion at each severity, before a clause's own limits. */
export const OUTCOMES_IN_PROPORTION: Record<Severity, OutcomeKind[]> = {
  S1: ['temporary_suspension', 'permanent_deactivation', 'reimbursement', 'referral'],
  S2: ['warning', 'temporary_suspension', 'permanent_deactivation', 'reimbursement', 'referral'],
  S3: ['education', 'warning', 'temporary_suspension', 'reimbursement'],
  S4: ['no_action', 'education', 'warning', 'reimbursement'],
}

export const MatrixEntrySchema = z.object({
  severity: SeveritySchema,
  clauseId: ClauseIdSchema,
  outcomes: z.array(OutcomeKindSchema).min(1),
})
export type MatrixEntry = z.infer<typeof MatrixEntrySchema>

/**
 * The recommended outcomes: for each violated clause, its team entry for this severity if there is
 * one, else what the clause allows that is in proportion; outcomes any violated clause recommends
 * are recommended. With no clause violated, no action or education.
 */
export function recommendedOutcomes(
  library: readonly PolicyDocument[],
  entries: readonly MatrixEntry[],
  severity: Severity,
  violatedClauseIds: readonly string[],
): OutcomeKind[] {
  if (violatedClauseIds.length === 0) return ['no_action', 'education']
  const clauses = clauseIndex(library)
  const recommended = new Set<OutcomeKind>()
  for (const clauseId of violatedClauseIds) {
    const entry = entries.find(
      (candidate) => candidate.severity === severity && candidate.clauseId === clauseId,
    )
    const allowed = entry?.outcomes ?? clauses.get(clauseId)?.clause.allowedOutcomes ?? []
    const fitting = entry
      ? allowed
      : allowed.filter((kind) => OUTCOMES_IN_PROPORTION[severity].includes(kind))
    // A clause none of whose outcomes fit the severity still recommends its mildest one.
    for (const kind of fitting.length ? fitting : allowed.slice(0, 1)) recommended.add(kind)
  }
  return [...recommended]
}

/** An outcome outside the recommendation needs a written justification. */
export const needsJustification = (outcome: Outcome, recommended: readonly OutcomeKind[]) =>
  !recommended.includes(outcome.kind)

/**
 * Deactivations, and reimbursements above the team's threshold (in the reimbursement's currency),
 * need a lead's approval before they stand.
 */
export function needsLeadApproval(outcome: Outcome, reimbursementThreshold: number): boolean {
  if (outcome.kind === 'permanent_deactivation') return true
  return outcome.kind === 'reimbursement' && outcome.amount > reimbursementThreshold
}
