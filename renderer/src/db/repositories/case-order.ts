import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'

/** The orders the whole queue can be read in, each from one index. */
export type CaseOrder = 'updated' | 'sla_due' | 'severity'

/**
 * Case id lists read from indexes (keys only), kept until any case is written. The queue reads the
 * same lists again and again (a view's count, then the view; every keystroke of a filter re-sorting
 * by the same order), and on 100,000 cases each read costs about a millisecond per thousand keys.
 */
export function createCaseIdCache(db: WorkstationDatabase) {
  const lists = new Map<string, Promise<string[]>>()
  let generation = 0
  const listeners = new Set<() => void>()
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((part) => part.startsWith(`idb://${db.name}/cases/`))) return
    lists.clear()
    generation++
    for (const listener of listeners) listener()
  })
  const orders: Record<CaseOrder, () => Promise<string[]>> = {
    updated: () => db.cases.orderBy('updatedAt').reverse().primaryKeys(),
    sla_due: () => db.cases.orderBy('slaDueAt').primaryKeys(),
    severity: () => db.cases.orderBy('[severity+slaDueAt]').primaryKeys(),
  }
  /** The list under `key`, read once until the next case write. Callers must not change it. */
  const ready = new Set<Promise<string[]>>()
  function remember(key: string, read: () => Promise<string[]>): Promise<string[]> {
    let ids = lists.get(key)
    if (!ids) {
      const reading = read()
      reading.then(
        () => ready.add(reading),
        () => lists.delete(key),
      )
      lists.set(key, reading)
      ids = reading
    }
    return ids
  }
  return {
    remember,
    /**
     * Counts case writes. A live query answered from this cache reads nothing, so Dexie cannot see
     * which writes concern it: queries that use the cache re-run when this changes instead.
     */
    generation: () => generation,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Every case id in one order. */
    ids: (order: CaseOrder) => remember(`order:${order}`, orders[order]),
    /** Whether that order is in memory already (using it then costs no read). */
    hasOrder: (order: CaseOrder) => {
      const ids = lists.get(`order:${order}`)
      return ids !== undefined && ready.has(ids)
    },
  }
}
export type CaseIdCache = ReturnType<typeof createCaseIdCache>
