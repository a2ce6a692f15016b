import { MAX_STAMP_AHEAD_MS, parseHlc } from '@shared/protocol/sync/hlc'
import type { StoredRecord } from '@shared/protocol/sync/merge'
import type { Mutation, RefusalCode } from '@shared/protocol/sync/protocol'
import { fieldWritesProblem } from '@shared/protocol/sync/record-schemas'
import { isTeamSetting, teamSettingWriters } from '@shared/rules/settings/team-settings'
import type { User } from './accounts'
import type { SqlClient } from './db/sql'

/** Why a write is refused: what the analyst reads, and what their workstation acts on. */
export interface Refusal {
  code: RefusalCode
  reason: string
}

/** A record as the server holds it, with the case it belongs to (the server's word, not a client's). */
export interface StoredRow extends StoredRecord {
  caseId: string | null
}

/**
 * Records only ever appended: the chain of custody, the case audit and report text updates. Once
 * stored, a line is never changed or removed, by anyone: it is what legal and law enforcement rely on.
 */
const APPEND_ONLY = new Set<Mutation['entity']>(['custodyEvent', 'auditEntry', 'reportUpdate'])

const forbidden = (reason: string): Refusal => ({ code: 'forbidden', reason })
const invalid = (reason: string): Refusal => ({ code: 'invalid', reason })

/** A case's assignee as the server holds it ('' when unassigned), or null when the case is not here. */
export async function caseAssignee(db: SqlClient, caseId: string): Promise<string | null> {
  const found = await db.query<{ assignee: string | null }>(
    "SELECT fields->'assigneeId'->>'value' AS assignee FROM records WHERE entity = 'case' AND entity_id = $1",
    [caseId],
  )
  const row = found.rows[0]
  return row ? (row.assignee ?? '') : null
}

/** Leads and admins see every case; analysts the unassigned queue and their own. */
export const sees = (user: User, assignee: string | null) =>
  user.role !== 'analyst' || assignee === '' || assignee === null || assignee === user.id

/** The stamp furthest ahead of the server's clock, when one is further than it allows. */
function stampTooFarAhead(mutation: Mutation, now: number): string | null {
  // Stamps sort as their strings do (hlc.ts).
  const latest = [...Object.values(mutation.fields).map((write) => write.hlc), mutation.deleted ?? '']
    .sort()
    .at(-1)
  return latest && parseHlc(latest).millis - now > MAX_STAMP_AHEAD_MS ? latest : null
}

/**
 * A lead's approval of an outcome (deactivation, large reimbursement) is given by that lead's own
 * account: analysts cannot write one, nor can a lead record one under another name. Clearing an
 * approval (the outcome changed) is anyone's write.
 */
function approvalRefusal(user: User, mutation: Mutation): Refusal | null {
  if (mutation.entity !== 'determination') return null
  const approval = mutation.fields.approval?.value as { approver?: { id?: unknown } } | null | undefined
  if (!approval) return null
  if (user.role === 'analyst') return forbidden('Only a lead approves an outcome.')
  if (approval.approver?.id !== user.id)
    return forbidden('A lead approves under their own account, not for someone else.')
  return null
}

/** Who changes a team setting is the registry's word (shared/rules/settings): a lead's is also an admin's. */
function teamSettingRefusal(user: User, key: unknown): Refusal | null {
  if (!isTeamSetting(key)) return invalid(`"${String(key).slice(0, 64)}" is not a team setting.`)
  if (user.role !== 'analyst' || teamSettingWriters(key) === 'analyst') return null
  return forbidden(
    'Only a lead or an admin changes the team’s settings (policy library, outcome matrix, SLA policy, thresholds, redaction profiles, email templates).',
  )
}

/** A value as stored, compared the way JSON sees it (key order aside, which jsonb does not keep). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )

/** Whether a write to a stored append-only line changes nothing it says (a harmless re-send). */
const restatesLine = (stored: StoredRow, mutation: Mutation) =>
  mutation.deleted === null &&
  Object.entries(mutation.fields).every(
    ([name, write]) =>
      stored.fields[name] !== undefined && canonical(stored.fields[name]!.value) === canonical(write.value),
  )

/**
 * Who may write a case's records: its assignee, anyone while it is unassigned, leads and admins
 * always. The case must be on the server first (a workstation sends a case before its records).
 */
async function caseWriteRefusal(db: SqlClient, user: User, caseId: string): Promise<Refusal | null> {
  const assignee = await caseAssignee(db, caseId)
  if (assignee === null) return forbidden('This case is not on the server yet; it is sent first.')
  return sees(user, assignee)
    ? null
    : forbidden('The case is assigned to another analyst; ask a lead to reassign it.')
}

/**
 * Why this user may not make this write, or null when they may. Decided from the stored record and
 * the signed-in account: the case a record belongs to is the one the server holds it under, never
 * the one a mutation claims; a record moves to another case only for someone who may write both.
 */
export async function writeRefusal(
  db: SqlClient,
  user: User,
  mutation: Mutation,
  stored: StoredRow | undefined,
  now: number,
): Promise<Refusal | null> {
  const schemaProblem = fieldWritesProblem(mutation.entity, mutation, mutation.fields)
  if (schemaProblem) return invalid(schemaProblem)
  const ahead = stampTooFarAhead(mutation, now)
  if (ahead)
    return {
      code: 'clock-ahead',
      reason: `This change is stamped ${new Date(parseHlc(ahead).millis).toISOString()}, ahead of the team server’s clock (${new Date(now).toISOString()}): the computer’s clock is fast.`,
    }
  const approval = approvalRefusal(user, mutation)
  if (approval) return approval

  if (
    APPEND_ONLY.has(mutation.entity) &&
    (mutation.deleted !== null || (stored && !restatesLine(stored, mutation)))
  )
    return forbidden(`A ${mutation.entity} line is never changed or removed once written.`)

  // Records of no case: the team's settings and the audit lines of their changes.
  if (mutation.entity === 'teamSetting') {
    // (A setting a client once filed under a case is stored under none again by the next write.)
    if (mutation.caseId !== null) return invalid('A team setting belongs to no case.')
    return teamSettingRefusal(user, mutation.entityId)
  }
  if (mutation.caseId === null) {
    if (mutation.entity !== 'auditEntry' || (stored && stored.caseId !== null))
      return invalid(`A ${mutation.entity} belongs to a case.`)
    const line = { ...stored?.fields, ...mutation.fields }
    if (line.entity?.value !== 'settings')
      return invalid('Only the audit line of a team setting’s change belongs to no case.')
    return teamSettingRefusal(user, line.entityId?.value)
  }

  if (mutation.entity === 'case') {
    if (mutation.caseId !== mutation.entityId) return invalid('A case travels as its own case.')
    const assigning = mutation.fields.assigneeId?.value
    const handingOver = assigning !== undefined && assigning !== '' && assigning !== user.id
    if (handingOver && user.role === 'analyst')
      return forbidden('Only a lead assigns a case to someone else.')
    return stored ? caseWriteRefusal(db, user, mutation.entityId) : null
  }

  // A record of a case: access on the case it is stored under, and on the one it moves to, if any.
  if (stored && stored.caseId !== mutation.caseId) {
    if (mutation.fields.caseId === undefined)
      return invalid(`A ${mutation.entity} moves to another case only by writing its caseId.`)
    if (stored.caseId) {
      const from = await caseWriteRefusal(db, user, stored.caseId)
      if (from) return from
    }
  }
  return caseWriteRefusal(db, user, mutation.caseId)
}
