import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie'
import type { Case, Determination } from '../../../shared/domain'
import { type CaseFactsRow, decisionFactsRow, packCaseFacts } from '../../../shared/metrics/fact-rows'

/**
 * Small rows the dashboard and the consistency helper read instead of the cases and determinations
 * themselves (100,000 cases in one read within their budgets): each case's counted facts packed in a
 * string, each decided determination's outcome and violated clauses. Kept by this middleware in the
 * same transaction as every write of their source rows, whatever wrote them (repositories, imports,
 * the demo loader, sync, upgrades), so they never drift. Never exported or synced.
 */
export const FACT_TABLE_OF: Record<string, string> = { cases: 'caseFacts', determinations: 'decisionFacts' }

/** The tables a write of each source also touches: its facts, and for a determination its case (read). */
const SCOPE_OF: Record<string, string[]> = {
  cases: ['caseFacts'],
  determinations: ['decisionFacts', 'cases'],
}

export const caseFactsRow = (row: Case): CaseFactsRow => ({
  id: row.id,
  createdAt: row.createdAt,
  facts: packCaseFacts(row),
})

interface FactsWrite {
  put: object[]
  remove: string[]
}

/**
 * Puts the facts of the rows written, and deletes those of rows deleted (or of undecided
 * determinations). A decision's facts carry its case's opening time (which never changes), so the
 * dashboard reads only the decisions on the cases of its range.
 */
function factsWrite(down: DBCore, name: string, request: DBCoreMutateRequest): Promise<FactsWrite | null> {
  if (request.type === 'delete') return Promise.resolve({ put: [], remove: request.keys as string[] })
  if (request.type !== 'add' && request.type !== 'put') return Promise.resolve(null)
  if (name === 'cases')
    return Promise.resolve({ put: (request.values as Case[]).map(caseFactsRow), remove: [] })
  const determinations = request.values as Determination[]
  const caseIds = [...new Set(determinations.map((row) => row.caseId))]
  return down
    .table('cases')
    .getMany({ trans: request.trans, keys: caseIds })
    .then((cases: Array<Case | undefined>) => {
      const openedAt = new Map(caseIds.map((id, index) => [id, cases[index]?.createdAt ?? '']))
      const rows = determinations.map(
        (row) => [row.id, decisionFactsRow(row, openedAt.get(row.caseId)!)] as const,
      )
      return {
        put: rows.flatMap(([, facts]) => (facts ? [facts] : [])),
        remove: rows.flatMap(([id, facts]) => (facts ? [] : [id])),
      }
    })
}

export function factTablesMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    transaction(stores, mode, options) {
      const facts = mode === 'readwrite' ? stores.flatMap((store) => SCOPE_OF[store] ?? []) : []
      return down.transaction(facts.length ? [...new Set([...stores, ...facts])] : stores, mode, options)
    },
    table(name) {
      const table = down.table(name)
      const factsName = FACT_TABLE_OF[name]
      if (!factsName) return table
      return {
        ...table,
        // No async/await: Dexie keeps its transaction zone only along its own promise chains.
        mutate(request) {
          return table.mutate(request).then((result) => {
            // Upgrades from before the fact tables existed write rows the version 8 upgrade reads back.
            const scope = (request.trans as unknown as IDBTransaction).objectStoreNames
            if (scope && !scope.contains(factsName)) return result
            const facts: DBCoreTable = down.table(factsName)
            if (request.type === 'deleteRange')
              return facts
                .mutate({ type: 'deleteRange', trans: request.trans, range: request.range })
                .then(() => result)
            return factsWrite(down, name, request).then((write) => {
              if (!write) return result
              const removing = write.remove.length
                ? facts.mutate({ type: 'delete', trans: request.trans, keys: write.remove })
                : Promise.resolve(null)
              return removing
                .then(() =>
                  write.put.length
                    ? facts.mutate({ type: 'put', trans: request.trans, values: write.put })
                    : null,
                )
                .then(() => result)
            })
          })
        },
      }
    },
  }
}
