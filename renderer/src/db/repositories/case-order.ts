import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'

/** The orders the whole queue can be read in, each from one index. */
export type CaseOrder = 'updated' | 'sla_due' | 'severity'

/**
 * Every case id in one order, read from that order's index (keys only) and kept until a case is
 * written: sorting a large filter result or search result then filters this list in memory instead
 * of re-reading 100,000 keys per keystroke.
 */
export function createCaseOrderCache(db: WorkstationDatabase) {
  const lists = new Map<CaseOrder, Promise<string[]>>()
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(`idb://${db.name}/cases/`))) lists.clear()
  })
  const read: Record<CaseOrder, () => Promise<string[]>> = {
    updated: () => db.cases.orderBy('updatedAt').reverse().primaryKeys(),
    sla_due: () => db.cases.orderBy('slaDueAt').primaryKeys(),
    severity: () => db.cases.orderBy('[severity+slaDueAt]').primaryKeys(),
  }
  return {
    ids(order: CaseOrder): Promise<string[]> {
      let ids = lists.get(order)
      if (!ids) {
        ids = read[order]()
        ids.catch(() => lists.delete(order))
        lists.set(order, ids)
      }
      return ids
    },
  }
}
export type CaseOrderCache = ReturnType<typeof createCaseOrderCache>
