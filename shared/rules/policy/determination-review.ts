import type { Determination, Outcome, OutcomeKind } from '../../domain/determination'
import { OUTCOME_KIND_LABELS } from '../../domain/determination'
import type { Severity } from '../../domain/severity'
import {
  type MatrixEntry,
  needsJustification,
  needsLeadApproval,
  recommendedOutcomes,
} from './outcome-matrix'
import type { PolicyDocument } from './policy-document'

/** The reimbursement a determination may approve without a lead, unless Settings say otherwise. */
export const DEFAULT_APPROVAL_THRESHOLD = 250

/** What the rules say about one determination: its recommendation and what it still needs. */
export interface DeterminationReview {
  recommended: OutcomeKind[]
  outsideRecommendation: boolean
  /** Outside the recommendation with no written justification. */
  missingJustification: boolean
  needsApproval: boolean
  approved: boolean
}

export const violatedClauseIds = (determination: Pick<Determination, 'clauses'>) =>
  determination.clauses.filter((clause) => clause.violated).map((clause) => clause.clauseId)

export function reviewDetermination(
  determination: Pick<Determination, 'clauses' | 'outcome' | 'justification' | 'approval'>,
  context: {
    library: readonly PolicyDocument[]
    matrix: readonly MatrixEntry[]
    severity: Severity
    approvalThreshold: number
  },
): DeterminationReview {
  const recommended = recommendedOutcomes(
    context.library,
    context.matrix,
    context.severity,
    violatedClauseIds(determination),
  )
  const outcome = determination.outcome
  const outsideRecommendation = outcome !== null && needsJustification(outcome, recommended)
  const needsApproval = outcome !== null && needsLeadApproval(outcome, context.approvalThreshold)
  return {
    recommended,
    outsideRecommendation,
    missingJustification: outsideRecommendation && determination.justification.trim() === '',
    needsApproval,
    approved: needsApproval && determination.approval !== null,
  }
}

/** "temporary suspension (14 days)", "reimbursement of 420.00 USD". */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'temporary_suspension':
      return `temporary suspension (${outcome.days} day${outcome.days === 1 ? '' : 's'})`
    case 'reimbursement':
      return `reimbursement of ${outcome.amount.toFixed(2)} ${outcome.currency}`
    case 'referral':
      return outcome.to === 'legal' ? 'referral to legal' : 'referral to law enforcement'
    default:
      return OUTCOME_KIND_LABELS[outcome.kind]
  }
}

/**
 * An approval stands for the outcome it approved: changing the outcome's kind or its terms (days,
 * amount, currency, referral) withdraws it.
 */
export function approvalStillStands(before: Outcome | null, after: Outcome | null): boolean {
  return before !== null && after !== null && JSON.stringify(before) === JSON.stringify(after)
}
