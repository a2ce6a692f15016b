import type { DBCore, DBCoreKeyRange, DBCoreRangeType, DBCoreTransaction } from 'dexie'

/**
 * The reads and writes that keep the fact tables, on the database layer below the middleware and in
 * the writer's own transaction. Every call returns the layer's promise so callers chain with `.then`:
 * Dexie keeps its transaction zone along promise chains, not across `await` (dexie/Dexie.js#1709).
 */
export interface FactStore {
  getMany<Row>(table: string, keys: readonly string[]): Promise<Array<Row | undefined>>
  /** Rows whose index equals a value. */
  equal<Row>(table: string, index: string, value: string): Promise<Row[]>
  all<Row>(table: string): Promise<Row[]>
  put(table: string, rows: readonly object[]): Promise<unknown>
  remove(table: string, keys: readonly string[]): Promise<unknown>
  /** Deletes a range of primary keys (every row by default). */
  clear(table: string, range?: DBCoreKeyRange): Promise<unknown>
}

// Dexie's const enum values (a const enum cannot be imported under isolated modules).
const EQUAL = 1 as DBCoreRangeType
const ANY = 3 as DBCoreRangeType
const EVERY_KEY: DBCoreKeyRange = {
  type: ANY,
  lower: -Infinity,
  lowerOpen: false,
  upper: [[]],
  upperOpen: false,
}

export function factStore(down: DBCore, trans: DBCoreTransaction): FactStore {
  const query = <Row>(name: string, index: string | null, range: DBCoreKeyRange): Promise<Row[]> => {
    const table = down.table(name)
    const on = index === null ? table.schema.primaryKey : table.schema.getIndexByKeyPath(index)
    if (!on) return Promise.reject(new Error(`${name} has no index ${index}`))
    return table
      .query({ trans, values: true, query: { index: on, range } })
      .then(({ result }) => result as Row[])
  }
  const none = () => Promise.resolve(null)
  return {
    getMany: <Row>(name: string, keys: readonly string[]) =>
      keys.length
        ? (down.table(name).getMany({ trans, keys: [...keys] }) as Promise<Array<Row | undefined>>)
        : Promise.resolve([]),
    equal: (name, index, value) => query(name, index, { type: EQUAL, lower: value, upper: value }),
    all: (name) => query(name, null, EVERY_KEY),
    put: (name, rows) =>
      rows.length ? down.table(name).mutate({ type: 'put', trans, values: [...rows] }) : none(),
    remove: (name, keys) =>
      keys.length ? down.table(name).mutate({ type: 'delete', trans, keys: [...keys] }) : none(),
    clear: (name, range = EVERY_KEY) => down.table(name).mutate({ type: 'deleteRange', trans, range }),
  }
}
