import type { Determination, OutcomeKind } from '../domain/determination'
import { violatedClauseIds } from './determination-review'

/**
 * The consistency helper: past decisions on cases of the same category that found the same clauses
 * violated, and how they came out, so that analysts decide alike.
 */

export interface SimilarCase {
  caseId: string
  /** The open case's clauses this case also found violated. */
  sharedClauses: string[]
  outcomes: OutcomeKind[]
  decidedAt: string
}

export interface OutcomeShare {
  kind: OutcomeKind
  count: number
  /** Of all decided parties counted, 0–1. */
  share: number
}

export interface SimilarCases<Listed extends SimilarCase = SimilarCase> {
  /** Most clauses in common first, then the most recently decided. */
  cases: Listed[]
  distribution: OutcomeShare[]
  /** Decided parties the distribution counts. */
  decisions: number
}

/**
 * From candidate determinations (already narrowed to the category's cases that broke one of the
 * clauses), the similar cases and the distribution of their outcomes. A party is counted once, with
 * the outcome of its determination that shares clauses with the open case.
 */
export function similarCases(input: {
  openCaseId: string
  clauseIds: readonly string[]
  candidates: readonly Pick<Determination, 'caseId' | 'clauses' | 'outcome' | 'decidedAt'>[]
  /** How many cases to list (the distribution counts them all). */
  limit: number
}): SimilarCases {
  const wanted = new Set(input.clauseIds)
  const byCase = new Map<string, SimilarCase>()
  const counts = new Map<OutcomeKind, number>()
  let decisions = 0
  for (const candidate of input.candidates) {
    if (candidate.caseId === input.openCaseId || !candidate.outcome || !candidate.decidedAt) continue
    const shared = violatedClauseIds(candidate).filter((clauseId) => wanted.has(clauseId))
    if (shared.length === 0) continue
    decisions++
    counts.set(candidate.outcome.kind, (counts.get(candidate.outcome.kind) ?? 0) + 1)
    const entry = byCase.get(candidate.caseId) ?? {
      caseId: candidate.caseId,
      sharedClauses: [],
      outcomes: [],
      decidedAt: candidate.decidedAt,
    }
    entry.sharedClauses = [...new Set([...entry.sharedClauses, ...shared])].sort()
    entry.outcomes.push(candidate.outcome.kind)
    if (candidate.decidedAt > entry.decidedAt) entry.decidedAt = candidate.decidedAt
    byCase.set(candidate.caseId, entry)
  }
  const cases = [...byCase.values()]
    .sort((a, b) => b.sharedClauses.length - a.sharedClauses.length || b.decidedAt.localeCompare(a.decidedAt))
    .slice(0, input.limit)
  const distribution = [...counts]
    .map(([kind, count]) => ({ kind, count, share: count / decisions }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
  return { cases, distribution, decisions }
}
