import type { OutcomeKind } from '../../domain/determination'
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
  // Thousands of decisions: plain loops and arrays (a clause list is short), no per-decision sets.
  const byCase = new Map<string, { clauses: string[]; outcomes: OutcomeKind[]; decidedAt: string }>()
  const counts = new Map<OutcomeKind, number>()
  let decisions = 0
  for (const candidate of input.candidates) {
    if (candidate.caseId === input.openCaseId || !candidate.outcomeKind || !candidate.decidedAt) continue
    const kind = candidate.outcomeKind
    const shared: string[] = []
    for (const clauseId of candidate.violatedClauses) if (wanted.has(clauseId)) shared.push(clauseId)
    if (shared.length === 0) continue
    decisions++
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
    const entry = byCase.get(candidate.caseId)
    if (!entry) {
      byCase.set(candidate.caseId, { clauses: shared, outcomes: [kind], decidedAt: candidate.decidedAt })
      continue
    }
    for (const clauseId of shared) if (!entry.clauses.includes(clauseId)) entry.clauses.push(clauseId)
    entry.outcomes.push(kind)
    if (candidate.decidedAt > entry.decidedAt) entry.decidedAt = candidate.decidedAt
  }
  // A dozen of thousands listed: keep the best so far rather than sort them all. Timestamps compare
  // as plain strings (localeCompare is far slower).
  type Entry = { clauses: string[]; decidedAt: string }
  const before = (a: Entry, b: Entry) =>
    a.clauses.length > b.clauses.length ||
    (a.clauses.length === b.clauses.length && a.decidedAt > b.decidedAt)
  const best: Array<[string, Entry]> = []
  for (const [caseId, entry] of byCase) {
    if (best.length === input.limit && !before(entry, best[best.length - 1]![1])) continue
    let at = best.length
    while (at > 0 && before(entry, best[at - 1]![1])) at--
    best.splice(at, 0, [caseId, entry])
    if (best.length > input.limit) best.pop()
  }
  const cases = best.map(([caseId]) => {
    const entry = byCase.get(caseId)!
    return {
      caseId,
      sharedClauses: [...entry.clauses].sort(),
      outcomes: entry.outcomes,
      decidedAt: entry.decidedAt,
    }
  })
  const distribution = [...counts]
    .map(([kind, count]) => ({ kind, count, share: count / decisions }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
  return { cases, distribution, decisions }
}
