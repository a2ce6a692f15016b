import type { Actor, AuditEntry, AuditedEntity, FieldChange } from '@shared/domain'
import type { Table } from 'dexie'
import type { WorkstationDatabase } from '../database'
import { DERIVED_FIELD_NAMES } from '../middleware/derived-fields'
import { guardStorage } from '../storage'

/**
 * Fields whose change is implied by every write (updatedAt) or derived from audited fields (the SLA
 * clock events and instants follow status and severity; title words follow the title): they would
 * only clutter the audit tab.
 */
const UNAUDITED_FIELDS = new Set<string>([
  'updatedAt',
  'slaEvents',
  'slaDueAt',
  'slaAtRiskAt',
  ...DERIVED_FIELD_NAMES,
])

/** Field-level before → after for two versions of a record (top-level fields, compared by value). */
export function fieldChanges(before: object | undefined, after: object | undefined): FieldChange[] {
  const old = (before ?? {}) as Record<string, unknown>
  const next = (after ?? {}) as Record<string, unknown>
  const fields = new Set([...Object.keys(old), ...Object.keys(next)])
  const changes: FieldChange[] = []
  for (const field of fields) {
    if (UNAUDITED_FIELDS.has(field)) continue
    if (JSON.stringify(old[field]) !== JSON.stringify(next[field])) {
      changes.push({ field, before: old[field] ?? null, after: next[field] ?? null })
    }
  }
  return changes
}

export interface AuditedWrite<T> {
  table: Table<T, string>
  entity: AuditedEntity
  id: string
  caseId: string
  actor: Actor
  at: string
  summary: string
  /** Given the stored record (if any), returns the record to store, or null to delete it. */
  change(before: T | undefined): T | null
}

/**
 * The one write path of every repository: the record and its audit entry are written in the same
 * transaction, so an audit line exists exactly when the change does.
 */
export function auditedWrite<T>(db: WorkstationDatabase, write: AuditedWrite<T>): Promise<T | null> {
  return guardStorage(() =>
    db.transaction('rw', [write.table, db.auditEntries], async () => {
      const before = await write.table.get(write.id)
      const after = write.change(before)
      const changes = fieldChanges(before as object | undefined, after ?? undefined)
      if (before !== undefined && after !== null && changes.length === 0) return after
      if (after === null) await write.table.delete(write.id)
      else await write.table.put(after)
      const entry: AuditEntry = {
        id: crypto.randomUUID(),
        caseId: write.caseId,
        entity: write.entity,
        entityId: write.id,
        action: before === undefined ? 'create' : after === null ? 'delete' : 'update',
        at: write.at,
        actor: write.actor,
        changes,
        summary: write.summary,
      }
      await db.auditEntries.add(entry)
      return after
    }),
  )
}
