import type { Actor, AuditedEntity } from '@shared/domain'
import { describeIssues } from '@shared/validation'
import Dexie, { type Table } from 'dexie'
import type { z } from 'zod'
import type { WorkstationDatabase } from '../database'
import { auditedWrite } from './audited-write'

/** A record the analyst entered does not meet its rules (a party without a name, a bad email ...). */
export class RecordRuleError extends Error {
  override name = 'RecordRuleError'
}

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
    /** Every record is checked against it before it is stored: the UI's forms are not trusted. */
    schema: z.ZodType<T>
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
  const validated = (record: T): T => {
    const parsed = options.schema.safeParse(record)
    if (!parsed.success) throw new RecordRuleError(`Not saved: ${describeIssues(parsed.error)}`)
    return parsed.data
  }

  return {
    listForCase(caseId: string): Promise<T[]> {
      if (!options.orderedBy) return table.where('caseId').equals(caseId).toArray()
      return table
        .where(`[caseId+${options.orderedBy}]`)
        .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
        .toArray()
    },
    get: (id: string) => table.get(id),
    async add(record: T, actor: Actor): Promise<T> {
      const valid = validated(record)
      return (await write(
        valid.id,
        valid.caseId,
        actor,
        `Added ${options.describe(valid)}`,
        () => valid,
      )) as T
    },
    async update(id: string, patch: Partial<Omit<T, 'id' | 'caseId'>>, actor: Actor): Promise<T> {
      const current = await table.get(id)
      if (!current) throw new Error(`That ${entity} no longer exists on this workstation.`)
      const next = validated({ ...current, ...patch } as T)
      return (await write(id, current.caseId, actor, `Changed ${options.describe(next)}`, () => next)) as T
    },
    async remove(id: string, actor: Actor): Promise<void> {
      const current = await table.get(id)
      if (!current) return
      await write(id, current.caseId, actor, `Removed ${options.describe(current)}`, () => null)
    },
  }
}
