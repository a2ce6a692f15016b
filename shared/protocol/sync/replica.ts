import { parseHlc, STAMP_AHEAD_TOLERANCE_MS } from './hlc'
import { isLive, mergeRecord, recordValues, type StoredRecord } from './merge'
import type { Change, FieldWrite, Mutation, SyncEntity } from './protocol'
import { recordFromValues, UNSYNCED_FIELDS } from './record-schemas'

/**
 * A workstation's side of one record: its stored values plus, per field, when it was last written
 * (the stamps), which is all a replica needs to merge what other workstations wrote.
 */
export interface RecordStamps {
  stamps: Record<string, string>
  deleted: string | null
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The field writes a local change makes, all stamped with one time: every field that changed (a
 * removed field is written as null), or a deletion. Null when nothing that syncs changed.
 */
export function localWrites(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | null,
  stamp: () => string,
): Pick<Mutation, 'fields' | 'deleted'> | null {
  if (after === null) return before ? { fields: {}, deleted: stamp() } : null
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after)])
  const changed = [...names].filter(
    (name) =>
      !UNSYNCED_FIELDS.has(name) &&
      (before === undefined ? after[name] !== undefined : !sameValue(before[name], after[name])),
  )
  if (changed.length === 0) return null
  const hlc = stamp()
  const fields: Record<string, FieldWrite> = {}
  for (const name of changed) fields[name] = { value: (after[name] ?? null) as never, hlc }
  return { fields, deleted: null }
}

/** The stamps after a local write (or a merge) has been stored. */
export function stampsAfter(current: RecordStamps | undefined, writes: Pick<Mutation, 'fields' | 'deleted'>) {
  const stamps = { ...(current?.stamps ?? {}) }
  for (const [name, write] of Object.entries(writes.fields)) stamps[name] = write.hlc
  const deleted =
    writes.deleted && (!current?.deleted || writes.deleted > current.deleted)
      ? writes.deleted
      : (current?.deleted ?? null)
  return { stamps, deleted }
}

/** Folds a later local write into an unsent one for the same record (one mutation per record). */
export function coalesceWrites(
  earlier: Pick<Mutation, 'fields' | 'deleted'>,
  later: Pick<Mutation, 'fields' | 'deleted'>,
): Pick<Mutation, 'fields' | 'deleted'> {
  return { fields: { ...earlier.fields, ...later.fields }, deleted: later.deleted ?? earlier.deleted }
}

export type RemoteOutcome =
  | { kind: 'unchanged' }
  | { kind: 'store'; record: Record<string, unknown>; stamps: RecordStamps }
  | { kind: 'remove'; stamps: RecordStamps }
  | { kind: 'unreadable'; problem: string; stamps: RecordStamps }

/**
 * What a pulled change does to the local record: merged field by field with what is stored
 * (including local edits not yet sent, whose stamps are later), then stored, removed or, when the
 * result does not read as its kind, kept out of the app with the reason.
 */
export function applyRemoteChange(
  change: Pick<Change, 'entity' | 'entityId' | 'caseId' | 'fields' | 'deleted'>,
  local: { values: Record<string, unknown>; stamps: RecordStamps } | undefined,
): RemoteOutcome {
  const stored: StoredRecord | undefined = local && {
    fields: Object.fromEntries(
      Object.entries(local.stamps.stamps).map(([name, hlc]) => [
        name,
        { value: (local.values[name] ?? null) as never, hlc },
      ]),
    ),
    deleted: local.stamps.deleted,
  }
  const merged = mergeRecord(stored, change)
  if (!merged.changed) return { kind: 'unchanged' }
  const stamps: RecordStamps = {
    stamps: Object.fromEntries(
      Object.entries(merged.record.fields).map(([name, write]) => [name, write.hlc]),
    ),
    deleted: merged.record.deleted,
  }
  if (!isLive(merged.record)) return { kind: 'remove', stamps }
  const read = recordFromValues(change.entity as SyncEntity, change, recordValues(merged.record))
  return 'problem' in read
    ? { kind: 'unreadable', problem: read.problem, stamps }
    : { kind: 'store', record: read.record, stamps }
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function duration(ms: number): string {
  if (ms < 2 * HOUR) return `${Math.round(ms / MINUTE)} minutes`
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} hours`
  if (ms < 730 * DAY) return `${Math.round(ms / DAY)} days`
  return `${Math.round(ms / (365.25 * DAY)).toLocaleString('en-US')} years`
}

/**
 * Why a pulled change must be kept out, when one of its stamps (a field's or its deletion) is
 * further ahead of this workstation's clock than the tolerance: applied, it would win over every
 * later edit of its fields, and followed, it would push this workstation's clock into the future.
 * Null when every stamp is within it.
 */
export function stampedTooFarAhead(
  change: Pick<Change, 'entity' | 'entityId' | 'fields' | 'deleted'>,
  now: number,
): string | null {
  const stamps = Object.values(change.fields).map((write) => write.hlc)
  if (change.deleted) stamps.push(change.deleted)
  // The string form sorts as the clock does.
  const latest = stamps.sort().at(-1)
  if (!latest) return null
  const ahead = parseHlc(latest).millis - now
  if (ahead <= STAMP_AHEAD_TOLERANCE_MS) return null
  return `A ${change.entity} from the server (${change.entityId}) is stamped ${duration(ahead)} ahead of this workstation's clock (set by the team server's); it is kept out until a version with a sound time arrives.`
}
