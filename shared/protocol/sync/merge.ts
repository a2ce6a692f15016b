import type { FieldWrite } from './protocol'

/** A record's fields as last written, each with its timestamp, and when (if ever) it was deleted. */
export interface StoredRecord {
  fields: Record<string, FieldWrite>
  deleted: string | null
}

export interface MergeResult {
  record: StoredRecord
  /** Fields whose incoming write lost to a later one already stored. */
  overtaken: string[]
  /** Whether anything changed. */
  changed: boolean
}

/**
 * Merges incoming writes into a stored record field by field: the later write (by hybrid logical
 * clock) wins, whichever arrives first, so every replica ends the same. A deletion is a write too:
 * the record is gone while its deletion is later than every field written.
 */
export function mergeRecord(
  stored: StoredRecord | undefined,
  incoming: { fields: Record<string, FieldWrite>; deleted: string | null },
): MergeResult {
  const fields = { ...(stored?.fields ?? {}) }
  const overtaken: string[] = []
  let changed = stored === undefined
  for (const [name, write] of Object.entries(incoming.fields)) {
    const current = fields[name]
    if (!current || write.hlc > current.hlc) {
      fields[name] = write
      changed = true
    } else if (write.hlc < current.hlc) overtaken.push(name)
  }
  let deleted = stored?.deleted ?? null
  if (incoming.deleted && (!deleted || incoming.deleted > deleted)) {
    deleted = incoming.deleted
    changed = true
  }
  return { record: { fields, deleted }, overtaken, changed }
}

/** Whether a merged record currently exists: not deleted, or written again after its deletion. */
export function isLive(record: StoredRecord): boolean {
  if (!record.deleted) return true
  return Object.values(record.fields).some((write) => write.hlc > record.deleted!)
}

/** The record's plain values (what the app stores), from its timestamped fields. */
export function recordValues(record: StoredRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record.fields).map(([name, write]) => [name, write.value]))
}
