import type { Outcome, OutcomeKind } from '@shared/domain'

/** The outcome fields as the form holds them (numbers as typed). */
export interface OutcomeDraft {
  kind: OutcomeKind | ''
  days: string
  amount: string
  currency: 'USD' | 'CAD'
  to: 'law_enforcement' | 'legal'
}

export const blankOutcome: OutcomeDraft = { kind: '', days: '7', amount: '', currency: 'USD', to: 'legal' }

export function draftOf(outcome: Outcome | null): OutcomeDraft {
  if (!outcome) return blankOutcome
  return {
    ...blankOutcome,
    kind: outcome.kind,
    ...(outcome.kind === 'temporary_suspension' && { days: String(outcome.days) }),
    ...(outcome.kind === 'reimbursement' && { amount: String(outcome.amount), currency: outcome.currency }),
    ...(outcome.kind === 'referral' && { to: outcome.to }),
  }
}

/** The outcome the form describes, or what is wrong with it. */
export function outcomeOf(draft: OutcomeDraft): { outcome: Outcome | null } | { problem: string } {
  switch (draft.kind) {
    case '':
      return { outcome: null }
    case 'temporary_suspension': {
      const days = Number(draft.days)
      if (!Number.isInteger(days) || days < 1 || days > 365)
        return { problem: 'A suspension lasts 1 to 365 whole days.' }
      return { outcome: { kind: 'temporary_suspension', days } }
    }
    case 'reimbursement': {
      const amount = Number(draft.amount.replace(/,/g, ''))
      if (!Number.isFinite(amount) || amount <= 0 || amount > 1_000_000)
        return { problem: 'A reimbursement is an amount above 0 and at most 1,000,000.' }
      return {
        outcome: { kind: 'reimbursement', amount: Math.round(amount * 100) / 100, currency: draft.currency },
      }
    }
    case 'referral':
      return { outcome: { kind: 'referral', to: draft.to } }
    default:
      return { outcome: { kind: draft.kind } }
  }
}
