import { titleWords } from '@shared/domain/title-words'
import type { DBCore } from 'dexie'
import type { CaseRow } from '../schema'

/**
 * Fields the database derives from a row to index it: written below every write path (repositories,
 * imports, the demo loader, sync, `modify`), so no caller can forget them, and never exported or synced.
 */
const DERIVED_INDEX_FIELDS: Record<string, (row: never) => Record<string, unknown>> = {
  cases: (row: CaseRow) => ({ titleWords: titleWords(row.title) }),
}
export const DERIVED_FIELD_NAMES = ['titleWords'] as const

/** A stored row without the fields the database derived for its indexes. */
export function withoutDerivedFields<T extends object>(row: T): T {
  const copy = { ...row } as Record<string, unknown>
  for (const field of DERIVED_FIELD_NAMES) delete copy[field]
  return copy as T
}

export function derivedFieldsMiddleware(down: DBCore): DBCore {
  return {
    ...down,
    table(name) {
      const table = down.table(name)
      const derive = DERIVED_INDEX_FIELDS[name] as ((row: unknown) => Record<string, unknown>) | undefined
      if (!derive) return table
      return {
        ...table,
        mutate(request) {
          if (request.type !== 'add' && request.type !== 'put') return table.mutate(request)
          const values = request.values.map((row: object) => ({ ...row, ...derive(row) }))
          return table.mutate({ ...request, values })
        },
      }
    },
  }
}
