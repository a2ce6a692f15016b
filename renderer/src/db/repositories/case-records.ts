import Dexie, { type Table } from 'dexie'
import type { Actor, AuditedEntity } from '../../../../shared/domain'
import type { WorkstationDatabase } from '../database'
import { auditedWrite } from './audited-write'

interface CaseRecord {
  id: string
  caseId: string
}

/**
 * The repository shape every per-case record shares (parties, timeline, tasks, notes,
 * communications ...): list one case's records in their natural order, and audited add/update/remove.
 */
export function createCaseRecordRepository<T extends CaseRecord>(
  db: WorkstationDatabase,
  options: {
    table: Table<T, string>
    entity: AuditedEntity
    /** Compound index [caseId+field] that orders a case's records, if they have a natural order. */
    orderedBy?: string
    /** How the audit tab names one record, e.g. "party Dana Okafor". */
    describe(record: T): string
    now: () => string
  },
) {
  const { table, entity, now } = options
  const write = (
    id: string,
    caseId: string,
    actor: Actor,
    summary: string,
    change: (before?: T) => T | null,
  ) => auditedWrite(db, { table, entity, id, caseId, actor, at: now(), summary, change })

  return {
    listForCase(caseId: string): Promise<T[]> {
      if (!options.orderedBy) return table.where('caseId').equals(caseId).toArray()
      return table
        .where(`[caseId+${options.orderedBy}]`)
        .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
        .toArray()
    },
    get: (id: string) => table.get(id),
    add: async (record: T, actor: Actor): Promise<T> =>
      (await write(record.id, record.caseId, actor, `Added ${options.describe(record)}`, () => record)) as T,
    async update(id: string, patch: Partial<Omit<T, 'id' | 'caseId'>>, actor: Actor): Promise<T> {
      const current = await table.get(id)
      if (!current) throw new Error(`That ${entity} no longer exists on this workstation.`)
      const next = { ...current, ...patch } as T
      return (await write(id, current.caseId, actor, `Changed ${options.describe(next)}`, () => next)) as T
    },
    async remove(id: string, actor: Actor): Promise<void> {
      const current = await table.get(id)
      if (!current) return
      await write(id, current.caseId, actor, `Removed ${options.describe(current)}`, () => null)
    },
  }
}
