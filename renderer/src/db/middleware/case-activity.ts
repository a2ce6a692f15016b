import type { AuditEntry, Case, Report } from '@shared/domain'
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie'

/**
 * The moment each written row says a record of its case changed, or null when it says nothing:
 * - an audit line of a change (the audit has one exactly when a record changes). Not the case's own
 *   lines (a case write sets its updatedAt itself), nor an import's arrival line or an overtaken edit,
 *   which change nothing, nor a setting's, which belongs to no case;
 * - a report's text, saved as the analyst types without an audit line.
 */
const CHANGE_OF: Record<string, (row: never) => { caseId: string; at: string } | null> = {
  auditEntries: (entry: AuditEntry) =>
    entry.caseId && entry.entity !== 'case' && ['create', 'update', 'delete'].includes(entry.action)
      ? { caseId: entry.caseId, at: entry.at }
      : null,
  reports: (report: Report) => ({ caseId: report.caseId, at: report.updatedAt }),
}

/** The latest change per case among the rows a write stored (rows that failed are left out). */
function latestChanges(
  name: string,
  request: DBCoreMutateRequest,
  failures: DBCoreMutateResponse['failures'],
): Map<string, string> {
  const latest = new Map<string, string>()
  if (request.type !== 'add' && request.type !== 'put') return latest
  const changeOf = CHANGE_OF[name] as (row: unknown) => { caseId: string; at: string } | null
  request.values.forEach((row, index) => {
    if (index in failures || !row) return
    const change = changeOf(row)
    if (change && change.at > (latest.get(change.caseId) ?? '')) latest.set(change.caseId, change.at)
  })
  return latest
}

/**
 * Keeps a case's updatedAt ("last updated", the queue's most-recently-updated order) at the latest
 * change to any of its records, whatever wrote it: repositories, imports, sync pulls. It moves
 * forward only, to the change's own time (a pulled change keeps the time it was made), in the same
 * transaction as the write, with one read of the cases written for.
 *
 * It sits above the sync capture: a change made here moves the case's updatedAt as a local write,
 * sent with the change, so every workstation ends with the same time. The sync worker's connection
 * has no capture, so a pulled change moves it there without queuing anything to send back.
 */
export function caseActivityMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    transaction(stores, mode, options) {
      const writesActivity = mode === 'readwrite' && stores.some((store) => store in CHANGE_OF)
      return down.transaction(
        writesActivity && !stores.includes('cases') ? [...stores, 'cases'] : stores,
        mode,
        options,
      )
    },
    table(name) {
      const table = down.table(name)
      if (!(name in CHANGE_OF)) return table
      // No async/await: Dexie keeps its transaction zone only along its own promises' chains.
      return {
        ...table,
        mutate(request) {
          return table.mutate(request).then((result) => {
            const latest = latestChanges(name, request, result.failures)
            if (latest.size === 0) return result
            const cases = down.table('cases')
            const ids = [...latest.keys()]
            return cases
              .getMany({ trans: request.trans, keys: ids })
              .then((rows: Array<Case | undefined>) => {
                const moved = rows.flatMap((row, index) => {
                  const at = latest.get(ids[index]!)!
                  return row && row.updatedAt < at ? [{ ...row, updatedAt: at }] : []
                })
                if (moved.length === 0) return result
                return cases.mutate({ type: 'put', trans: request.trans, values: moved }).then(() => result)
              })
          })
        },
      }
    },
  }
}
