import type { IncidentCategory } from '../../domain/categories'
import type { OutcomeKind } from '../../domain/determination'
import type { DecisionFactsRow } from '../metrics/fact-rows'
import { EVENT, FIELD, PART } from '../metrics/fact-rows'
import type { PastDecision } from './similar-cases'

/**
 * The consistency helper's ledger: for each category and clause, every decision on a case of that
 * category that found the clause violated, packed in one string. The helper reads one row per clause
 * of the open case (not thousands of decisions); the database keeps the rows in step with the
 * determinations and their cases' categories (renderer/src/db/fact-tables.ts).
 */
export interface ClauseLedgerRow {
  /** "category|clause id". */
  key: string
  entries: string
}

export const clauseLedgerKey = (category: IncidentCategory, clauseId: string) => `${category}|${clauseId}`

/** The ledger rows a decision is entered in: one per clause it found violated, once its case is known. */
function ledgerKeysOf(decision: DecisionFactsRow): string[] {
  const category = decision.caseCategory
  if (!category) return []
  return decision.violatedClauses.map((clauseId) => clauseLedgerKey(category, clauseId))
}

// Ids and clause ids come from other workstations too: a separator inside one must not split an entry.
const plain = (text: string) => text.replaceAll(FIELD, ' ').replaceAll(EVENT, ' ').replaceAll(PART, ' ')

function packLedgerEntry(decision: DecisionFactsRow): string {
  return [
    plain(decision.id),
    plain(decision.caseId),
    decision.kind,
    decision.decidedAt,
    decision.violatedClauses.map(plain).join(PART),
  ].join(FIELD)
}

/** The decisions of ledger rows, each once (a decision on two of the clauses is in both rows). */
export function decisionsFromLedger(rows: readonly ClauseLedgerRow[]): PastDecision[] {
  const decisions = new Map<string, PastDecision>()
  for (const row of rows) {
    if (!row.entries) continue
    for (const entry of row.entries.split(EVENT)) {
      const [id, caseId, kind, decidedAt, clauses] = entry.split(FIELD) as [
        string,
        string,
        string,
        string,
        string,
      ]
      decisions.set(id, {
        caseId,
        outcomeKind: kind as OutcomeKind,
        decidedAt,
        violatedClauses: clauses.includes(PART) ? clauses.split(PART) : [clauses],
      })
    }
  }
  return [...decisions.values()]
}

/** What to change in one ledger row: the decisions to take out (by id) and the entries to add. */
export interface LedgerRevision {
  remove: Set<string>
  add: string[]
}

/** A row's entries after a revision; decisions are taken out before the new entries go in. */
export function reviseLedger(entries: string, revision: LedgerRevision): string {
  const kept = !entries
    ? []
    : revision.remove.size === 0
      ? [entries]
      : entries.split(EVENT).filter((entry) => !revision.remove.has(entry.slice(0, entry.indexOf(FIELD))))
  return [...kept, ...revision.add].join(EVENT)
}

/** The revisions of the ledger rows for decisions changed from `before` to `after` (either absent). */
export function ledgerRevisions(
  changes: ReadonlyArray<{ before?: DecisionFactsRow | undefined; after?: DecisionFactsRow | undefined }>,
): Map<string, LedgerRevision> {
  const revisions = new Map<string, LedgerRevision>()
  const revisionOf = (key: string) => {
    const revision = revisions.get(key) ?? { remove: new Set<string>(), add: [] }
    revisions.set(key, revision)
    return revision
  }
  for (const { before, after } of changes) {
    if (before) for (const key of ledgerKeysOf(before)) revisionOf(key).remove.add(plain(before.id))
    if (after) for (const key of ledgerKeysOf(after)) revisionOf(key).add.push(packLedgerEntry(after))
  }
  return revisions
}

/** Every ledger row, from scratch. */
export function ledgerRows(decisions: readonly DecisionFactsRow[]): ClauseLedgerRow[] {
  return [...ledgerRevisions(decisions.map((after) => ({ after })))].map(([key, revision]) => ({
    key,
    entries: revision.add.join(EVENT),
  }))
}
