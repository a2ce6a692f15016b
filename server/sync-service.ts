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

/**
 * Reserves `count` change sequences and returns the first. The counter row stays locked until the
 * transaction commits, so changes become visible in sequence order (see migration 002).
 */
async function nextSequences(db: SqlClient, count: number): Promise<number> {
  const taken = await db.query<{ value: string }>(
    'UPDATE change_counter SET value = value + $1 WHERE id = 1 RETURNING value',
    [count],
  )
  return Number(taken.rows[0]!.value) - count + 1
}

const assigneeOf = (record: StoredRecord | undefined) =>
  (record?.fields.assigneeId?.value as string | null) ?? ''

/**
 * Gives every record of a case a new sequence after the case changes hands, so the new assignee's
 * next pull brings the whole case, not only what changes from now on.
 */
async function resequenceCase(db: SqlClient, caseId: string): Promise<void> {
  const records = await db.query<{ entity: string; entity_id: string }>(
    'SELECT entity, entity_id FROM records WHERE case_id = $1 AND entity <> $2 ORDER BY sequence',
    [caseId, 'case'],
  )
  if (records.rows.length === 0) return
  const first = await nextSequences(db, records.rows.length)
  for (const [index, row] of records.rows.entries())
    await db.query('UPDATE records SET sequence = $1 WHERE entity = $2 AND entity_id = $3', [
      first + index,
      row.entity,
      row.entity_id,
    ])
}

const sees = (user: User, assignee: string | null) =>
  user.role !== 'analyst' || assignee === '' || assignee === user.id

/**
 * Why this user may not make this write, or null when they may. Leads and admins write every case;
 * analysts write the unassigned queue and their own cases, and can take a case but not give it away.
 */
async function refusal(db: SqlClient, user: User, mutation: Mutation): Promise<string | null> {
  if (user.role !== 'analyst') return null
  const caseId = mutation.entity === 'case' ? mutation.entityId : mutation.caseId
  if (!caseId) return 'Only leads and admins change records that belong to no case.'
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
 * The server side of sync. Each mutation is applied in its own transaction: its id is recorded so
 * a retry is acknowledged, not applied twice; access is checked; fields merge last-writer-wins and
 * the record gets the next change sequence; the write is audited.
 */
export function createSyncService(db: SqlClient) {
  async function applyOne(user: User, clientId: string, mutation: Mutation): Promise<MutationResult> {
    return db.transaction(async (tx) => {
      const seen = await tx.query<{ outcome: string }>(
        'SELECT outcome FROM client_mutations WHERE client_id = $1 AND mutation_id = $2',
        [clientId, mutation.mutationId],
      )
      if (seen.rows.length) return { mutationId: mutation.mutationId, outcome: 'duplicate' }
      const reason =
        fieldWritesProblem(mutation.entity, mutation.fields) ?? (await refusal(tx, user, mutation))
      if (reason) {
        await tx.query(
          'INSERT INTO server_audit (user_id, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5)',
          [user.id, 'write-refused', mutation.entity, mutation.entityId, reason],
        )
        // Not recorded as seen: once a lead reassigns the case, the analyst can retry the same mutation.
        return { mutationId: mutation.mutationId, outcome: 'rejected', reason }
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
        sequence = await nextSequences(tx, 1)
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
        await resequenceCase(tx, mutation.entityId)
      // Delivered at commit to every server process listening, which tell their connected clients.
      if (merged.changed) await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(sequence)])
      await tx.query(
        'INSERT INTO client_mutations (client_id, mutation_id, user_id, outcome) VALUES ($1, $2, $3, $4)',
        [clientId, mutation.mutationId, user.id, 'applied'],
      )
      await tx.query(
        'INSERT INTO server_audit (user_id, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5)',
        [
          user.id,
          mutation.deleted ? 'delete' : 'write',
          mutation.entity,
          mutation.entityId,
          Object.keys(mutation.fields).join(', '),
        ],
      )
      return { mutationId: mutation.mutationId, outcome: 'applied', sequence, overtaken: merged.overtaken }
    })
  }

  return {
    async push(user: User, request: PushRequest): Promise<PushResponse> {
      const results: MutationResult[] = []
      for (const mutation of request.mutations) results.push(await applyOne(user, request.clientId, mutation))
      return { results }
    },

    /** Changes after the cursor that this user may read, in sequence order, a page at a time. */
    async pull(user: User, request: PullRequest): Promise<PullResponse> {
      const found = await db.query<RecordRow>(
        `SELECT r.entity, r.entity_id, r.case_id, r.fields, r.deleted, r.sequence, c.fields->'assigneeId'->>'value' AS assignee
         FROM records r LEFT JOIN records c ON c.entity = 'case' AND c.entity_id = COALESCE(CASE WHEN r.entity = 'case' THEN r.entity_id END, r.case_id)
         WHERE r.sequence > $1 ORDER BY r.sequence LIMIT $2`,
        [request.cursor, request.limit + 1],
      )
      const more = found.rows.length > request.limit
      const page = found.rows.slice(0, request.limit)
      const cursor = page.length ? Number(page.at(-1)!.sequence) : request.cursor
      return {
        changes: page
          .filter((row) =>
            sees(user, row.case_id === null && row.entity !== 'case' ? '' : (row.assignee ?? '')),
          )
          .map((row) => ({
            sequence: Number(row.sequence),
            entity: row.entity as never,
            entityId: row.entity_id,
            caseId: row.case_id,
            fields: row.fields,
            deleted: row.deleted,
          })),
        cursor,
        more,
      }
    },
  }
}
export type SyncService = ReturnType<typeof createSyncService>
