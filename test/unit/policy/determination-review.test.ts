import type { Determination } from '@shared/domain'
import {
  approvalStillStands,
  describeOutcome,
  reviewDetermination,
} from '@shared/rules/policy/determination-review'
import { EXAMPLE_POLICIES } from '@shared/rules/policy/example-policies'
import { type PastDecision, similarCases } from '@shared/rules/policy/similar-cases'
import { describe, expect, it } from 'vitest'

const context = { library: EXAMPLE_POLICIES, matrix: [], severity: 'S3' as const, approvalThreshold: 250 }
const decision = (
  patch: Partial<Pick<Determination, 'clauses' | 'outcome' | 'justification' | 'approval'>>,
): Pick<Determination, 'clauses' | 'outcome' | 'justification' | 'approval'> => ({
  clauses: [{ clauseId: 'PD-1', violated: true }],
  outcome: { kind: 'warning' },
  justification: '',
  approval: null,
  ...patch,
})
const lead = { approver: { id: 'lead-1', name: 'Morgan Lee' }, at: '2026-11-30T10:00:00.000Z', note: '' }

describe('reviewing a determination against the outcome matrix', () => {
  it('recommends what the violated clauses allow at the severity, and accepts an outcome among them', () => {
    const review = reviewDetermination(decision({}), context)
    expect(review.recommended).toEqual(['reimbursement', 'education', 'warning'])
    expect(review).toMatchObject({
      outsideRecommendation: false,
      missingJustification: false,
      needsApproval: false,
    })
  })

  it('asks for a justification outside the recommendation, and is satisfied once one is written', () => {
    const outside = decision({ outcome: { kind: 'temporary_suspension', days: 7 } })
    expect(reviewDetermination(outside, context)).toMatchObject({
      outsideRecommendation: true,
      missingJustification: true,
    })
    expect(reviewDetermination({ ...outside, justification: '   ' }, context).missingJustification).toBe(true)
    expect(
      reviewDetermination({ ...outside, justification: 'Second incident this month.' }, context)
        .missingJustification,
    ).toBe(false)
  })

  it('with no clause violated, recommends no action or education', () => {
    const review = reviewDetermination(
      decision({ clauses: [{ clauseId: 'PD-1', violated: false }] }),
      context,
    )
    expect(review.recommended).toEqual(['no_action', 'education'])
  })

  it('needs a lead for every deactivation and for reimbursements above the threshold only', () => {
    const reimburse = (amount: number) =>
      reviewDetermination(decision({ outcome: { kind: 'reimbursement', amount, currency: 'CAD' } }), context)
    expect(reimburse(250).needsApproval).toBe(false)
    expect(reimburse(250.01).needsApproval).toBe(true)
    const deactivation = decision({ outcome: { kind: 'permanent_deactivation' }, justification: 'x' })
    expect(reviewDetermination(deactivation, context)).toMatchObject({ needsApproval: true, approved: false })
    expect(reviewDetermination({ ...deactivation, approval: lead }, context).approved).toBe(true)
    expect(reviewDetermination(decision({ outcome: null }), context).needsApproval).toBe(false)
  })

  it('keeps an approval only for the outcome it approved', () => {
    const approved = { kind: 'reimbursement', amount: 420, currency: 'CAD' } as const
    expect(approvalStillStands(approved, { ...approved })).toBe(true)
    expect(approvalStillStands(approved, { ...approved, amount: 480 })).toBe(false)
    expect(approvalStillStands(approved, { ...approved, currency: 'USD' })).toBe(false)
    expect(approvalStillStands(approved, null)).toBe(false)
  })

  it('describes outcomes with their terms', () => {
    expect(describeOutcome({ kind: 'temporary_suspension', days: 1 })).toBe('temporary suspension (1 day)')
    expect(describeOutcome({ kind: 'reimbursement', amount: 420, currency: 'CAD' })).toBe(
      'reimbursement of 420.00 CAD',
    )
    expect(describeOutcome({ kind: 'referral', to: 'law_enforcement' })).toBe('referral to law enforcement')
  })
})

describe('similar past cases', () => {
  const decided = (
    caseId: string,
    violatedClauses: string[],
    kind: 'warning' | 'education' | null,
    decidedAt: string,
  ): PastDecision => ({ caseId, violatedClauses, outcomeKind: kind, decidedAt })
  const candidates = [
    decided('a', ['PD-1'], 'warning', '2026-11-01T00:00:00.000Z'),
    decided('b', ['PD-1', 'SC-3'], 'education', '2026-10-01T00:00:00.000Z'),
    decided('c', ['PD-1'], 'warning', '2026-11-20T00:00:00.000Z'),
    decided('open', ['PD-1'], 'warning', '2026-11-29T00:00:00.000Z'),
    decided('d', ['PD-1'], null, '2026-11-02T00:00:00.000Z'),
    decided('e', [], 'education', '2026-11-03T00:00:00.000Z'),
  ]

  it('lists the cases sharing most clauses first, then the latest, and gives the outcome distribution', () => {
    const found = similarCases({ openCaseId: 'open', clauseIds: ['PD-1', 'SC-3'], candidates, limit: 10 })
    expect(found.cases.map((other) => other.caseId)).toEqual(['b', 'c', 'a'])
    expect(found.cases[0]!.sharedClauses).toEqual(['PD-1', 'SC-3'])
    expect(found.decisions).toBe(3)
    expect(found.distribution).toEqual([
      { kind: 'warning', count: 2, share: 2 / 3 },
      { kind: 'education', count: 1, share: 1 / 3 },
    ])
  })

  it('leaves out the open case, undecided determinations and clauses found not violated; lists at most the limit', () => {
    const found = similarCases({ openCaseId: 'open', clauseIds: ['PD-1'], candidates, limit: 2 })
    expect(found.cases.map((other) => other.caseId)).toEqual(['c', 'a'])
    expect(found.decisions).toBe(3)
  })
})
