import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie'
import type { Case, Determination } from '../../../shared/domain'
import { type CaseFactsRow, decisionFactsRow, packMetricsKey } from '../../../shared/metrics/metrics-key'

/**
 * Small rows the dashboard and the consistency helper read instead of the cases and determinations
 * themselves (100,000 cases in one read within their budgets): each case's counted facts packed in a
 * string, each decided determination's outcome and violated clauses. Kept by this middleware in the
 * same transaction as every write of their source rows, whatever wrote them (repositories, imports,
 * the demo loader, sync, upgrades), so they never drift. Never exported or synced.
 */
export const FACT_TABLE_OF: Record<string, string> = { cases: 'caseFacts', determinations: 'decisionFacts' }

export const caseFactsRow = (row: Case): CaseFactsRow => ({
  id: row.id,
  createdAt: row.createdAt,
  facts: packMetricsKey(row),
})

/** Puts the facts of the rows written, and deletes those of rows deleted (or of undecided determinations). */
function factsWrite(name: string, request: DBCoreMutateRequest): { put: object[]; remove: string[] } | null {
  if (request.type === 'add' || request.type === 'put') {
    if (name === 'cases') return { put: (request.values as Case[]).map(caseFactsRow), remove: [] }
    const rows = (request.values as Determination[]).map((row) => [row.id, decisionFactsRow(row)] as const)
    return {
      put: rows.flatMap(([, facts]) => (facts ? [facts] : [])),
      remove: rows.flatMap(([id, facts]) => (facts ? [] : [id])),
    }
  }
  if (request.type === 'delete') return { put: [], remove: request.keys as string[] }
  return null
}

export function factTablesMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    transaction(stores, mode, options) {
      const facts = mode === 'readwrite' ? stores.flatMap((store) => FACT_TABLE_OF[store] ?? []) : []
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
            const write = factsWrite(name, request)
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
        },
      }
    },
  }
}
