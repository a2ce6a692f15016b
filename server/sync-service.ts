import { ANALYST_TEAM_SETTING } from '../shared/settings/team-settings'
import { mergeRecord, type StoredRecord } from '../shared/sync/merge'
import type {
  FieldWrite,
  Mutation,
  MutationResult,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../shared/sync/protocol'
import { fieldWritesProblem } from '../shared/sync/record-schemas'
import type { User } from './accounts'
import { CHANGES_CHANNEL, type SqlClient } from './db/sql'

interface RecordRow {
  entity: string
  entity_id: string
  case_id: string | null
  fields: Record<string, FieldWrite>
  deleted: string | null
  sequence: string | number
  assignee: string | null
}

/** A case's assignee as the server holds it ('' when unassigned), or null when the case is not here. */
async function caseAssignee(db: SqlClient, caseId: string): Promise<string | null> {
  const found = await db.query<{ assignee: string | null }>(
    "SELECT fields->'assigneeId'->>'value' AS assignee FROM records WHERE entity = 'case' AND entity_id = $1",
    [caseId],
  )
  const row = found.rows[0]
  return row ? (row.assignee ?? '') : null
}

const assigneeOf = (record: StoredRecord | undefined) =>
  (record?.fields.assigneeId?.value as string | null) ?? ''

const sees = (user: User, assignee: string | null) =>
  user.role !== 'analyst' || assignee === '' || assignee === user.id

/**
 * A lead's approval of an outcome (deactivation, large reimbursement) is given by that lead's own
 * account: analysts cannot write one, nor can a lead record one under another name. Clearing an
 * approval (the outcome changed) is anyone's write.
 */
function approvalRefusal(user: User, mutation: Mutation): string | null {
  if (mutation.entity !== 'determination') return null
  const approval = mutation.fields.approval?.value as { approver?: { id?: unknown } } | null | undefined
  if (!approval) return null
  if (user.role === 'analyst') return 'Only a lead approves an outcome.'
  if (approval.approver?.id !== user.id)
    return 'A lead approves under their own account, not for someone else.'
  return null
}

/** The team setting a write changes (the setting itself or the audit line of its change), if any. */
function teamSettingOf(mutation: Mutation): unknown {
  if (mutation.entity === 'teamSetting') return mutation.entityId
  if (mutation.entity === 'auditEntry' && mutation.fields.entity?.value === 'settings')
    return mutation.fields.entityId?.value
  return undefined
}

/**
 * Why this user may not make this write, or null when they may. Leads and admins write every case;
 * analysts write the unassigned queue and their own cases, and can take a case but not give it away.
 */
async function refusal(db: SqlClient, user: User, mutation: Mutation): Promise<string | null> {
  const approval = approvalRefusal(user, mutation)
  if (approval) return approval
  if (user.role !== 'analyst') return null
  const caseId = mutation.entity === 'case' ? mutation.entityId : mutation.caseId
  if (!caseId) {
    // The team's settings are a lead's or an admin's to change; every analyst writes the shift handoff.
    const teamSetting = teamSettingOf(mutation)
    if (teamSetting === ANALYST_TEAM_SETTING) return null
    return teamSetting !== undefined
      ? 'Only a lead or an admin changes the team’s settings (policy library, outcome matrix, SLA policy, thresholds, redaction profiles, email templates).'
      : 'Only leads and admins change records that belong to no case.'
  }
  const assignee = await caseAssignee(db, caseId)
  if (assignee === null) {
    if (mutation.entity === 'case') {
      const assigning = mutation.fields.assigneeId?.value
      return assigning === undefined || assigning === '' || assigning === user.id
        ? null
        : 'Only a lead assigns a case to someone else.'
    }
    return 'This case is not on the server yet; it is sent first.'
  }
  if (!sees(user, assignee)) return 'The case is assigned to another analyst; ask a lead to reassign it.'
  const assigning = mutation.entity === 'case' ? mutation.fields.assigneeId?.value : undefined
  if (assigning !== undefined && assigning !== '' && assigning !== user.id)
    return 'Only a lead assigns a case to someone else.'
  return null
}

/**
 * Change sequences for one push. The counter row is locked before anything else (so pushes touching
 * the same records cannot deadlock: they queue here), sequences are handed out from memory, and the
 * last is written back before commit.
 */
async function reserveSequences(db: SqlClient) {
  const locked = await db.query<{ value: string }>(
    'UPDATE change_counter SET value = value WHERE id = 1 RETURNING value',
  )
  const first = Number(locked.rows[0]!.value) + 1
  let next = first
  return {
    take: async (): Promise<number> => next++,
    /** The last sequence taken (null when none), after storing it in the counter. */
    async finish(): Promise<number | null> {
      if (next === first) return null
      await db.query('UPDATE change_counter SET value = $1 WHERE id = 1', [next - 1])
      return next - 1
    },
  }
}

/**
 * Gives every record of a case a new sequence after the case changes hands, so the new assignee's
 * next pull brings the whole case, not only what changes from now on.
 */
async function resequenceCase(db: SqlClient, caseId: string, take: () => Promise<number>): Promise<void> {
  const records = await db.query<{ entity: string; entity_id: string }>(
    'SELECT entity, entity_id FROM records WHERE case_id = $1 AND entity <> $2 ORDER BY sequence',
    [caseId, 'case'],
  )
  for (const row of records.rows)
    await db.query('UPDATE records SET sequence = $1 WHERE entity = $2 AND entity_id = $3', [
      await take(),
      row.entity,
      row.entity_id,
    ])
}

/**
 * The server side of sync. A push is applied in one transaction: each mutation's id is recorded so
 * a retry is acknowledged, not applied twice; access is checked; fields merge last-writer-wins and
 * the record gets the next change sequence; every write and refusal is audited.
 */
export function createSyncService(db: SqlClient) {
  async function applyPush(tx: SqlClient, user: User, request: PushRequest): Promise<MutationResult[]> {
    const sequences = await reserveSequences(tx)
    const ids = request.mutations.map((mutation) => mutation.mutationId)
    const seenRows = await tx.query<{ mutation_id: string }>(
      'SELECT mutation_id FROM client_mutations WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])',
      [request.clientId, ids],
    )
    const seen = new Set(seenRows.rows.map((row) => Number(row.mutation_id)))
    const applied: number[] = []
    const audit: { action: string; entity: string; entityId: string; detail: string }[] = []
    const results: MutationResult[] = []
    for (const mutation of request.mutations) {
      if (seen.has(mutation.mutationId)) {
        results.push({ mutationId: mutation.mutationId, outcome: 'duplicate' })
        continue
      }
      const reason =
        fieldWritesProblem(mutation.entity, mutation, mutation.fields) ?? (await refusal(tx, user, mutation))
      if (reason) {
        audit.push({
          action: 'write-refused',
          entity: mutation.entity,
          entityId: mutation.entityId,
          detail: reason,
        })
        // Not recorded as seen: once a lead reassigns the case, the analyst can retry the same mutation.
        results.push({ mutationId: mutation.mutationId, outcome: 'rejected', reason })
        continue
      }
      const current = await tx.query<{
        fields: Record<string, FieldWrite>
        deleted: string | null
        sequence: string
      }>('SELECT fields, deleted, sequence FROM records WHERE entity = $1 AND entity_id = $2 FOR UPDATE', [
        mutation.entity,
        mutation.entityId,
      ])
      const stored: StoredRecord | undefined = current.rows[0]
      const merged = mergeRecord(stored, mutation)
      // A write every field of which a later one had overtaken changes nothing: the record keeps its place.
      let sequence = Number(current.rows[0]?.sequence ?? 0)
      if (merged.changed) {
        sequence = await sequences.take()
        await tx.query(
          `INSERT INTO records (entity, entity_id, case_id, fields, deleted, sequence) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (entity, entity_id) DO UPDATE SET fields = EXCLUDED.fields, deleted = EXCLUDED.deleted, sequence = EXCLUDED.sequence`,
          [
            mutation.entity,
            mutation.entityId,
            mutation.caseId,
            JSON.stringify(merged.record.fields),
            merged.record.deleted,
            sequence,
          ],
        )
      }
      if (mutation.entity === 'case' && assigneeOf(stored) !== assigneeOf(merged.record))
        await resequenceCase(tx, mutation.entityId, sequences.take)
      applied.push(mutation.mutationId)
      audit.push({
        action: mutation.deleted ? 'delete' : 'write',
        entity: mutation.entity,
        entityId: mutation.entityId,
        detail: Object.keys(mutation.fields).join(', '),
      })
      results.push({
        mutationId: mutation.mutationId,
        outcome: 'applied',
        sequence,
        overtaken: merged.overtaken,
      })
    }
    if (applied.length)
      await tx.query(
        "INSERT INTO client_mutations (client_id, mutation_id, user_id, outcome) SELECT $1, id, $3, 'applied' FROM unnest($2::bigint[]) AS id",
        [request.clientId, applied, user.id],
      )
    if (audit.length)
      await tx.query(
        'INSERT INTO server_audit (user_id, action, entity, entity_id, detail) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])',
        [
          user.id,
          audit.map((line) => line.action),
          audit.map((line) => line.entity),
          audit.map((line) => line.entityId),
          audit.map((line) => line.detail),
        ],
      )
    const latest = await sequences.finish()
    // Delivered at commit to every server process listening, which tell their connected clients.
    if (latest !== null) await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(latest)])
    return results
  }

  /**
   * The page of changes after the cursor as JSON text, for the HTTP route: each record's fields go
   * out as PostgreSQL stores them (jsonb as text), never parsed and serialised again; pulls are the hot path.
   */
  async function pullJson(user: User, request: PullRequest): Promise<string> {
    const found = await db.query<Omit<RecordRow, 'fields'> & { fields: string }>(
      `SELECT r.entity, r.entity_id, r.case_id, r.fields::text AS fields, r.deleted, r.sequence, c.fields->'assigneeId'->>'value' AS assignee
       FROM records r LEFT JOIN records c ON c.entity = 'case' AND c.entity_id = COALESCE(CASE WHEN r.entity = 'case' THEN r.entity_id END, r.case_id)
       WHERE r.sequence > $1 ORDER BY r.sequence LIMIT $2`,
      [request.cursor, request.limit + 1],
    )
    const more = found.rows.length > request.limit
    const page = found.rows.slice(0, request.limit)
    const cursor = page.length ? Number(page.at(-1)!.sequence) : request.cursor
    const changes = page
      .filter((row) => sees(user, row.case_id === null && row.entity !== 'case' ? '' : (row.assignee ?? '')))
      .map(
        (row) =>
          `{"sequence":${Number(row.sequence)},"entity":${JSON.stringify(row.entity)},"entityId":${JSON.stringify(row.entity_id)},"caseId":${JSON.stringify(row.case_id)},"fields":${row.fields},"deleted":${JSON.stringify(row.deleted)}}`,
      )
    return `{"changes":[${changes.join(',')}],"cursor":${cursor},"more":${more}}`
  }

  return {
    /**
     * Applies a push in one transaction (one commit for the batch; a failure midway leaves nothing
     * applied and the client sends it again). Refusals are answers, not failures.
     */
    push: async (user: User, request: PushRequest): Promise<PushResponse> => ({
      results: await db.transaction((tx) => applyPush(tx, user, request)),
    }),

    /** Whether this user may read (and so store) the evidence bytes with this SHA-256. */
    async mayReadBlob(user: User, sha256: string): Promise<boolean> {
      const found = await db.query<{ assignee: string | null }>(
        `SELECT c.fields->'assigneeId'->>'value' AS assignee FROM records e
         LEFT JOIN records c ON c.entity = 'case' AND c.entity_id = e.case_id
         WHERE e.entity = 'evidence' AND e.fields->'sha256'->>'value' = $1`,
        [sha256],
      )
      return found.rows.some((row) => sees(user, row.assignee ?? ''))
    },

    /** Changes after the cursor that this user may read, in sequence order, a page at a time. */
    async pull(user: User, request: PullRequest): Promise<PullResponse> {
      return JSON.parse(await pullJson(user, request))
    },

    pullJson,
  }
}
export type SyncService = ReturnType<typeof createSyncService>
