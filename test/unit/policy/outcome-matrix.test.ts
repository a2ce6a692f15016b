import { EXAMPLE_POLICIES } from '@shared/rules/policy/example-policies'
import {
  needsJustification,
  needsLeadApproval,
  recommendedOutcomes,
} from '@shared/rules/policy/outcome-matrix'
import { describe, expect, it } from 'vitest'

describe('the outcome matrix', () => {
  it('recommends what a violated clause allows that is in proportion to the severity', () => {
    // A threat (CC-2) at S1: no mere warning; at S3: a warning or a suspension.
    expect(recommendedOutcomes(EXAMPLE_POLICIES, [], 'S1', ['CC-2'])).toEqual([
      'temporary_suspension',
      'permanent_deactivation',
      'referral',
    ])
    expect(recommendedOutcomes(EXAMPLE_POLICIES, [], 'S3', ['CC-2'])).toEqual([
      'warning',
      'temporary_suspension',
    ])
    // Several clauses: what any of them recommends.
    expect(recommendedOutcomes(EXAMPLE_POLICIES, [], 'S3', ['CC-1', 'PD-1'])).toEqual(
      expect.arrayContaining(['education', 'warning', 'temporary_suspension', 'reimbursement']),
    )
    // Nothing violated: no action or education.
    expect(recommendedOutcomes(EXAMPLE_POLICIES, [], 'S2', [])).toEqual(['no_action', 'education'])
    // A clause whose outcomes are all out of proportion still recommends its mildest.
    expect(recommendedOutcomes(EXAMPLE_POLICIES, [], 'S4', ['SAFE-3'])).toEqual(['permanent_deactivation'])
  })

  it('uses the team’s own entry for a severity and clause when there is one', () => {
    const entries = [{ severity: 'S3' as const, clauseId: 'CC-1', outcomes: ['warning' as const] }]
    expect(recommendedOutcomes(EXAMPLE_POLICIES, entries, 'S3', ['CC-1'])).toEqual(['warning'])
    expect(recommendedOutcomes(EXAMPLE_POLICIES, entries, 'S4', ['CC-1'])).toEqual([
      'no_action',
      'education',
      'warning',
    ])
  })

  it('asks for a justification outside the recommendation, and a lead for deactivations and large reimbursements', () => {
    const recommended = recommendedOutcomes(EXAMPLE_POLICIES, [], 'S3', ['CC-2'])
    expect(needsJustification({ kind: 'warning' }, recommended)).toBe(false)
    expect(needsJustification({ kind: 'permanent_deactivation' }, recommended)).toBe(true)
    expect(needsLeadApproval({ kind: 'permanent_deactivation' }, 500)).toBe(true)
    expect(needsLeadApproval({ kind: 'reimbursement', amount: 500, currency: 'USD' }, 500)).toBe(false)
    expect(needsLeadApproval({ kind: 'reimbursement', amount: 500.01, currency: 'CAD' }, 500)).toBe(true)
    expect(needsLeadApproval({ kind: 'temporary_suspension', days: 7 }, 500)).toBe(false)
  })
})
