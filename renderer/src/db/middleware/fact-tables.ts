import type { Case, Determination } from '@shared/domain'
import { decisionFactsRow } from '@shared/rules/metrics/fact-rows'
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie'
import { type FactStore, factStore } from '../fact-store'
import {
  CASE_DAYS,
  CASE_FACTS,
  CLAUSE_LEDGER,
  caseFactsRow,
  casesWritten,
  countsOf,
  DECISION_FACTS,
  determinationsWritten,
  recountAll,
  SLA_POLICY_KEY,
  unpack,
} from './fact-upkeep'

export type { CaseDayRow } from './fact-upkeep'

/** Removing more cases than this at once (the demo data) counts everything afresh. */
const MANY_REMOVED = 50

/**
 * The tables a write of a source reads or writes beside it: every fact table (clearing a source counts
 * everything afresh), the settings (the SLA policy) and the cases (a determination's case).
 */
const FACT_SCOPE = [CASE_FACTS, DECISION_FACTS, CASE_DAYS, CLAUSE_LEDGER, 'settings', 'cases']
const SOURCES = new Set(['cases', 'determinations', 'settings'])

function factsWritten(
  name: string,
  request: DBCoreMutateRequest,
  failures: DBCoreMutateResponse['failures'],
  store: FactStore,
): Promise<unknown> {
  if (name === 'settings') {
    const touchesPolicy =
      request.type === 'deleteRange' ||
      (request.type === 'delete' && request.keys.includes(SLA_POLICY_KEY)) ||
      ((request.type === 'put' || request.type === 'add') &&
        (request.values as Array<{ key: string }>).some((row) => row.key === SLA_POLICY_KEY))
    return touchesPolicy ? recountAll(store) : Promise.resolve(null)
  }
  const facts = name === 'cases' ? CASE_FACTS : DECISION_FACTS
  const written = name === 'cases' ? casesWritten : determinationsWritten
  switch (request.type) {
    case 'deleteRange':
      return store.clear(facts, request.range).then(() => recountAll(store))
    case 'delete':
      // Many cases removed at once (the demo data) are counted afresh rather than case by case.
      return name === 'cases' && request.keys.length > MANY_REMOVED
        ? store.remove(CASE_FACTS, request.keys as string[]).then(() => recountAll(store))
        : written(store, [], request.keys as string[])
    default:
      // A bulk add that failed for some rows (a duplicate key) stored only the others.
      return written(
        store,
        (request.values as never[]).filter((_, index) => !(index in failures)),
        [],
      )
  }
}

/**
 * What the dashboard and the consistency helper read instead of the cases and determinations (budgets:
 * 500 ms and 100 ms on 100,000 cases), kept by this middleware in the same transaction as every write
 * of their sources, whatever wrote them (repositories, imports, the demo loader, sync, upgrades), so
 * they never drift:
 * - caseFacts / decisionFacts: each case's counted facts packed in a string; each decided
 *   determination's outcome, clauses, and its case's opening time and category. They remember what
 *   was counted, so a change takes the old contribution out before the new one goes in.
 * - caseDays: a tally of the cases opened each UTC day (case-tally.ts), so a date range adds up a few
 *   hundred rows. SLA compliance depends on the policy: a change of policy recounts every day.
 * - clauseLedger: per category and clause, every decision that found it violated (clause-ledger.ts).
 * None of them is exported or synced.
 */
export function factTablesMiddleware(down: DBCore): DBCore {
  // Each write's upkeep reads the day tallies and ledger rows it then rewrites: two writes in one
  // transaction (a case and its determinations, in parallel) take turns, or one's counts are lost.
  const upkeep = new WeakMap<object, Promise<unknown>>()
  return {
    ...down,
    transaction(stores, mode, options) {
      const writesSource = mode === 'readwrite' && stores.some((store) => SOURCES.has(store))
      return down.transaction(writesSource ? [...new Set([...stores, ...FACT_SCOPE])] : stores, mode, options)
    },
    table(name) {
      const table = down.table(name)
      if (!SOURCES.has(name)) return table
      return {
        ...table,
        mutate(request) {
          return table.mutate(request).then((result) => {
            // Upgrades from before the fact tables existed write rows a later upgrade counts.
            const stores = (request.trans as unknown as IDBTransaction).objectStoreNames
            if (stores && !FACT_SCOPE.every((store) => stores.contains(store))) return result
            const turn = (upkeep.get(request.trans) ?? Promise.resolve()).then(() =>
              factsWritten(name, request, result.failures, factStore(down, request.trans)),
            )
            upkeep.set(request.trans, turn)
            return turn.then(() => result)
          })
        },
      }
    },
  }
}

/** The fact rows, day tallies and ledger of a whole database, counted from scratch (the upgrade to version 10). */
export function countedFromScratch(
  cases: readonly Case[],
  determinations: readonly Determination[],
  slaPolicy: unknown,
) {
  const caseFacts = cases.map(caseFactsRow)
  const caseOf = new Map(cases.map((record) => [record.id, record]))
  const decisionFacts = determinations.flatMap((row) => decisionFactsRow(row, caseOf.get(row.caseId)) ?? [])
  return { caseFacts, decisionFacts, ...countsOf(caseFacts.map(unpack), decisionFacts, slaPolicy) }
}
