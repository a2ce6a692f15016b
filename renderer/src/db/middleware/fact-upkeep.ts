import type { Case, Determination } from '@shared/domain'
import {
  type CaseTally,
  caseClocks,
  dayTallies,
  emptyTally,
  isEmptyTally,
  mergeTally,
  openingDay,
  tallyCase,
  tallyOutcome,
} from '@shared/rules/metrics/case-tally'
import {
  type CaseFactsRow,
  type DecisionFactsRow,
  decisionFactsRow,
  FIELD,
  type MetricsCase,
  packCaseFacts,
  unpackCaseFacts,
} from '@shared/rules/metrics/fact-rows'
import {
  type ClauseLedgerRow,
  type LedgerRevision,
  ledgerRevisions,
  ledgerRows,
  reviseLedger,
} from '@shared/rules/policy/clause-ledger'
import { SETTINGS } from '@shared/rules/settings/registry'
import { storedSlaPolicy } from '@shared/rules/sla/policy'
import type { FactStore } from '../fact-store'

/**
 * How one write keeps the fact tables (see fact-tables.ts): what it counted before comes out, what it
 * counts now goes in, read and rewritten through the layer below the middleware in the writer's
 * transaction. Every step chains with `.then` (see fact-store.ts).
 */
export const CASE_FACTS = 'caseFacts'
export const DECISION_FACTS = 'decisionFacts'
export const CASE_DAYS = 'caseDays'
export const CLAUSE_LEDGER = 'clauseLedger'
/** The SLA policy's settings row: a change to it re-tallies every day. */
export const SLA_POLICY_KEY = SETTINGS.slaPolicy.key

export interface CaseDayRow {
  /** The UTC day the cases were opened, "2026-11-30". */
  day: string
  tally: CaseTally
}

export const caseFactsRow = (row: Case): CaseFactsRow => ({
  id: row.id,
  createdAt: row.createdAt,
  facts: packCaseFacts(row),
})

export const unpack = (row: CaseFactsRow) => unpackCaseFacts(row.createdAt, row.facts)

/** The last of each id (a bulk write may hold a row twice). */
const lastOfEach = <Row extends { id: string }>(rows: readonly Row[]) => [
  ...new Map(rows.map((row) => [row.id, row])).values(),
]

function deltaOf(deltas: Map<string, CaseTally>, createdAt: string): CaseTally {
  const day = openingDay(createdAt)
  const tally = deltas.get(day) ?? emptyTally()
  deltas.set(day, tally)
  return tally
}

type DecisionChange = { before?: DecisionFactsRow | undefined; after?: DecisionFactsRow | undefined }

/** Counts decisions' outcome changes into the day deltas; returns the ledger's revisions. */
function decisionChanges(deltas: Map<string, CaseTally>, changes: readonly DecisionChange[]) {
  const count = (decision: DecisionFactsRow | undefined, sign: 1 | -1) => {
    if (decision?.caseCreatedAt && decision.caseCategory)
      tallyOutcome(deltaOf(deltas, decision.caseCreatedAt), decision.caseCategory, decision.kind, sign)
  }
  for (const { before, after } of changes) {
    count(before, -1)
    count(after, 1)
  }
  return ledgerRevisions(changes)
}

/** Adds the deltas to the stored day tallies and revises the ledger rows (dropping emptied rows). */
function writeDerived(
  store: FactStore,
  deltas: Map<string, CaseTally>,
  revisions: Map<string, LedgerRevision>,
): Promise<unknown> {
  const days = [...deltas.keys()]
  const keys = [...revisions.keys()]
  return Promise.all([
    store.getMany<CaseDayRow>(CASE_DAYS, days),
    store.getMany<ClauseLedgerRow>(CLAUSE_LEDGER, keys),
  ]).then(([dayRows, ledger]) => {
    const tallies = days.map((day, index) => ({
      day,
      tally: mergeTally(dayRows[index]?.tally ?? emptyTally(), deltas.get(day)!),
    }))
    const entries = keys.map((key, index) => ({
      key,
      entries: reviseLedger(ledger[index]?.entries ?? '', revisions.get(key)!),
    }))
    return Promise.all([
      store.put(
        CASE_DAYS,
        tallies.filter((row) => !isEmptyTally(row.tally)),
      ),
      store.remove(
        CASE_DAYS,
        tallies.filter((row) => isEmptyTally(row.tally)).map((row) => row.day),
      ),
      store.put(
        CLAUSE_LEDGER,
        entries.filter((row) => row.entries),
      ),
      store.remove(
        CLAUSE_LEDGER,
        entries.filter((row) => !row.entries).map((row) => row.key),
      ),
    ])
  })
}

/**
 * Cases written or deleted: their old tallies out, the new in. A case that arrives after its
 * determinations (sync pulls them in any order), or changes category, takes its decisions with it.
 */
export function casesWritten(
  store: FactStore,
  written: readonly Case[],
  removed: readonly string[],
): Promise<unknown> {
  const rows = lastOfEach(written).map(caseFactsRow)
  return Promise.all([
    store.getMany<CaseFactsRow>(CASE_FACTS, [...rows.map((row) => row.id), ...removed]),
    store.getMany<{ value: unknown }>('settings', [SLA_POLICY_KEY]),
  ]).then(([stored, [policyRow]]) => {
    // Most writes change nothing counted (a title, a note, SLA due times re-timed): they cost nothing here.
    const storedOf = new Map(stored.flatMap((row) => (row ? [[row.id, row] as const] : [])))
    const changed = rows.filter((row) => {
      const old = storedOf.get(row.id)
      return !old || old.facts !== row.facts || old.createdAt !== row.createdAt
    })
    const policy = storedSlaPolicy(policyRow?.value)
    const deltas = new Map<string, CaseTally>()
    const before = new Map(
      [...changed.map((row) => row.id), ...removed].flatMap((id) => {
        const old = storedOf.get(id)
        return old ? [[id, unpack(old)] as const] : []
      }),
    )
    for (const record of before.values())
      tallyCase(deltaOf(deltas, record.createdAt), record, caseClocks(record, policy), -1)
    const after = new Map(changed.map((row) => [row.id, unpack(row)]))
    for (const record of after.values())
      tallyCase(deltaOf(deltas, record.createdAt), record, caseClocks(record, policy), 1)
    // Decisions whose case moves (another category), goes, or arrives after them follow it.
    const moved = [...before.keys()].filter((id) => {
      const old = before.get(id)!
      const now = after.get(id)
      return !now || old.category !== now.category || old.createdAt !== now.createdAt
    })
    const arrived = changed.some((row) => !storedOf.has(row.id))
    return Promise.all([
      arrived ? store.equal<DecisionFactsRow>(DECISION_FACTS, 'caseCreatedAt', '') : Promise.resolve([]),
      ...moved.map((id) => store.equal<DecisionFactsRow>(DECISION_FACTS, 'caseId', id)),
    ]).then(([waiting, ...ofMoved]) => {
      const changes = [...waiting!.filter((row) => after.has(row.caseId)), ...ofMoved.flat()].map((row) => ({
        before: row,
        after: rehomed(row, after.get(row.caseId)),
      }))
      const revisions = decisionChanges(deltas, changes)
      return Promise.all([
        store.put(CASE_FACTS, changed),
        store.remove(CASE_FACTS, removed),
        store.put(
          DECISION_FACTS,
          changes.map((change) => change.after),
        ),
        writeDerived(store, deltas, revisions),
      ])
    })
  })
}

/** A decision's facts under its case's opening day and category ('' while the case is not here). */
const rehomed = (row: DecisionFactsRow, itsCase: Pick<Case, 'createdAt' | 'category'> | undefined) => ({
  ...row,
  caseCreatedAt: itsCase?.createdAt ?? '',
  caseCategory: itsCase?.category ?? ('' as const),
})

const sameDecision = (a: DecisionFactsRow | undefined, b: DecisionFactsRow | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.caseId === b.caseId &&
    a.kind === b.kind &&
    a.decidedAt === b.decidedAt &&
    a.caseCreatedAt === b.caseCreatedAt &&
    a.caseCategory === b.caseCategory &&
    a.violatedClauses.join(FIELD) === b.violatedClauses.join(FIELD))

/** Determinations written or deleted: their decisions' outcomes and ledger entries follow. */
export function determinationsWritten(
  store: FactStore,
  written: readonly Determination[],
  removed: readonly string[],
): Promise<unknown> {
  const determinations = lastOfEach(written)
  const caseIds = [...new Set(determinations.map((row) => row.caseId))]
  const ids = [...determinations.map((row) => row.id), ...removed]
  return Promise.all([
    store.getMany<DecisionFactsRow>(DECISION_FACTS, ids),
    store.getMany<Case>('cases', caseIds),
  ]).then(([stored, cases]) => {
    const caseOf = new Map(caseIds.map((id, index) => [id, cases[index]]))
    const changes: DecisionChange[] = ids
      .map((_, index) => {
        const determination = determinations[index]
        return {
          before: stored[index],
          after: determination
            ? (decisionFactsRow(determination, caseOf.get(determination.caseId)) ?? undefined)
            : undefined,
        }
      })
      // A rationale or finding edited changes nothing counted: the ledger rows are not rewritten.
      .filter(({ before, after }) => !sameDecision(before, after))
    const deltas = new Map<string, CaseTally>()
    const revisions = decisionChanges(deltas, changes)
    return Promise.all([
      store.put(
        DECISION_FACTS,
        changes.flatMap((change) => (change.after ? [change.after] : [])),
      ),
      store.remove(
        DECISION_FACTS,
        changes.flatMap((change) => (change.before && !change.after ? [change.before.id] : [])),
      ),
      writeDerived(store, deltas, revisions),
    ])
  })
}

/** The day tallies and ledger rows of these cases and decisions, from scratch (a recount, the upgrade). */
export function countsOf(
  cases: readonly MetricsCase[],
  decisions: readonly DecisionFactsRow[],
  slaPolicy: unknown,
) {
  return {
    caseDays: [...dayTallies(cases, decisions, storedSlaPolicy(slaPolicy))].map(
      ([day, tally]): CaseDayRow => ({ day, tally }),
    ),
    clauseLedger: ledgerRows(decisions),
  }
}

/** Every day tally and ledger row from the fact rows: after a table is cleared or the SLA policy changes. */
export function recountAll(store: FactStore): Promise<unknown> {
  return Promise.all([
    store.all<CaseFactsRow>(CASE_FACTS),
    store.all<DecisionFactsRow>(DECISION_FACTS),
    store.getMany<{ value: unknown }>('settings', [SLA_POLICY_KEY]),
  ]).then(([rows, stored, [policyRow]]) => {
    const cases = rows.map(unpack)
    const caseOf = new Map(cases.map((record) => [record.id, record]))
    const decisions = stored.map((row) => rehomed(row, caseOf.get(row.caseId)))
    const refiled = decisions.filter(
      (row, index) =>
        row.caseCreatedAt !== stored[index]!.caseCreatedAt ||
        row.caseCategory !== stored[index]!.caseCategory,
    )
    const counted = countsOf(cases, decisions, policyRow?.value)
    const cleared = [store.clear(CASE_DAYS), store.clear(CLAUSE_LEDGER), store.put(DECISION_FACTS, refiled)]
    return Promise.all(cleared).then(() =>
      Promise.all([store.put(CASE_DAYS, counted.caseDays), store.put(CLAUSE_LEDGER, counted.clauseLedger)]),
    )
  })
}
