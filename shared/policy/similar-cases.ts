import type { OutcomeKind } from '../domain/determination'
import type { DecisionFactsRow } from '../metrics/fact-rows'

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

/** A past decision: a party's outcome and the clauses it found violated. */
export type PastDecision = Pick<DecisionFactsRow, 'caseId' | 'violatedClauses' | 'decidedAt'> & {
  outcomeKind: OutcomeKind | null
}

/** The decisions the database keeps beside the determinations, as the helper reads them. */
export const decisionsFromFacts = (rows: readonly DecisionFactsRow[]): PastDecision[] =>
  rows.map((row) => ({
    caseId: row.caseId,
    violatedClauses: row.violatedClauses,
    outcomeKind: row.kind,
    decidedAt: row.decidedAt,
  }))

/**
 * From candidate decisions (already narrowed to the category's cases that broke one of the clauses),
 * the similar cases and the distribution of their outcomes. A party is counted once, with the outcome
 * of its determination that shares clauses with the open case.
 */
export function similarCases(input: {
  openCaseId: string
  clauseIds: readonly string[]
  candidates: readonly PastDecision[]
  /** How many cases to list (the distribution counts them all). */
  limit: number
}): SimilarCases {
  const wanted = new Set(input.clauseIds)
  const byCase = new Map<string, SimilarCase>()
  const counts = new Map<OutcomeKind, number>()
  let decisions = 0
  for (const candidate of input.candidates) {
    if (candidate.caseId === input.openCaseId || !candidate.outcomeKind || !candidate.decidedAt) continue
    const kind = candidate.outcomeKind
    const shared = candidate.violatedClauses.filter((clauseId) => wanted.has(clauseId))
    if (shared.length === 0) continue
    decisions++
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
    const entry = byCase.get(candidate.caseId) ?? {
      caseId: candidate.caseId,
      sharedClauses: [],
      outcomes: [],
      decidedAt: candidate.decidedAt,
    }
    entry.sharedClauses = [...new Set([...entry.sharedClauses, ...shared])].sort()
    entry.outcomes.push(kind)
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
