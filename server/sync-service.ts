import { mergeRecord, type StoredRecord } from '@shared/protocol/sync/merge'
import type {
  FieldWrite,
  Mutation,
  MutationResult,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
} from '@shared/protocol/sync/protocol'
import type { User } from './accounts'
import { type AuditLine, appendAudit } from './audit-log'
import { mayPushAs } from './client-bindings'
import { CHANGES_CHANNEL, type SqlClient } from './db/sql'
import { mayReadBlob, mayUploadBlob, recordCitation, recordHolder } from './evidence-citations'
import { type StoredRow, sees, writeRefusal } from './write-rules'

interface RecordRow {
  entity: string
  entity_id: string
  case_id: string | null
  fields: Record<string, FieldWrite>
  deleted: string | null
  sequence: string | number
  assignee: string | null
}

const assigneeOf = (record: StoredRecord | undefined) =>
  (record?.fields.assigneeId?.value as string | null) ?? ''

/**
 * The case a record is stored under after a write: a case is its own; a team setting (and the audit
 * line of its change) belongs to none; any other record to the case its merged fields name, which the
 * rules have checked the writer may write.
 */
function caseAfterWrite(mutation: Mutation, merged: StoredRecord): string | null {
  if (mutation.entity === 'case') return mutation.entityId
  if (mutation.entity === 'teamSetting') return null
  const named = merged.fields.caseId?.value
  return typeof named === 'string' && named !== '' ? named : mutation.caseId
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
export function createSyncService(db: SqlClient, now: () => number = Date.now) {
  async function applyPush(tx: SqlClient, user: User, request: PushRequest): Promise<MutationResult[]> {
    const sequences = await reserveSequences(tx)
    if (!(await mayPushAs(tx, request.clientId, user))) {
      const reason =
        'This workstation’s id belongs to another account: sign out of the team server and sign in again.'
      await appendAudit(tx, [
        { userId: user.id, action: 'push-refused', detail: `client id ${request.clientId}` },
      ])
      return request.mutations.map((mutation) => ({
        mutationId: mutation.mutationId,
        outcome: 'rejected',
        reason,
        code: 'client-id',
      }))
    }
    const ids = request.mutations.map((mutation) => mutation.mutationId)
    const seenRows = await tx.query<{ mutation_id: string }>(
      'SELECT mutation_id FROM client_mutations WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])',
      [request.clientId, ids],
    )
    const seen = new Set(seenRows.rows.map((row) => Number(row.mutation_id)))
    const applied: number[] = []
    const audit: AuditLine[] = []
    const results: MutationResult[] = []
    const serverNow = now()
    for (const mutation of request.mutations) {
      if (seen.has(mutation.mutationId)) {
        results.push({ mutationId: mutation.mutationId, outcome: 'duplicate' })
        continue
      }
      const current = await tx.query<{
        fields: Record<string, FieldWrite>
        deleted: string | null
        sequence: string
        case_id: string | null
      }>(
        'SELECT fields, deleted, sequence, case_id FROM records WHERE entity = $1 AND entity_id = $2 FOR UPDATE',
        [mutation.entity, mutation.entityId],
      )
      const row = current.rows[0]
      const stored: StoredRow | undefined = row && {
        fields: row.fields,
        deleted: row.deleted,
        caseId: row.case_id,
      }
      const refused = await writeRefusal(tx, user, mutation, stored, serverNow)
      if (refused) {
        audit.push({
          userId: user.id,
          action: 'write-refused',
          entity: mutation.entity,
          entityId: mutation.entityId,
          caseId: stored?.caseId ?? mutation.caseId,
          detail: `${refused.code}: ${refused.reason}`,
        })
        // Not recorded as seen: once a lead reassigns the case, the analyst can retry the same mutation.
        results.push({ mutationId: mutation.mutationId, outcome: 'rejected', ...refused })
        continue
      }
      const merged = mergeRecord(stored, mutation)
      const caseId = caseAfterWrite(mutation, merged.record)
      // A write every field of which a later one had overtaken changes nothing: the record keeps its place.
      let sequence = Number(row?.sequence ?? 0)
      if (merged.changed || (stored && stored.caseId !== caseId)) {
        sequence = await sequences.take()
        await tx.query(
          `INSERT INTO records (entity, entity_id, case_id, fields, deleted, sequence) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (entity, entity_id) DO UPDATE SET case_id = EXCLUDED.case_id, fields = EXCLUDED.fields, deleted = EXCLUDED.deleted, sequence = EXCLUDED.sequence`,
          [
            mutation.entity,
            mutation.entityId,
            caseId,
            JSON.stringify(merged.record.fields),
            merged.record.deleted,
            sequence,
          ],
        )
      }
      const sha256 = merged.record.fields.sha256?.value
      if (
        mutation.entity === 'evidence' &&
        typeof sha256 === 'string' &&
        sha256 !== stored?.fields.sha256?.value
      )
        await recordCitation(tx, user, mutation.entityId, sha256)
      if (mutation.entity === 'case' && assigneeOf(stored) !== assigneeOf(merged.record))
        await resequenceCase(tx, mutation.entityId, sequences.take)
      applied.push(mutation.mutationId)
      audit.push({
        userId: user.id,
        action: mutation.deleted ? 'delete' : 'write',
        entity: mutation.entity,
        entityId: mutation.entityId,
        caseId,
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
    await appendAudit(tx, audit)
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
    return `{"changes":[${changes.join(',')}],"cursor":${cursor},"more":${more},"serverTime":${now()}}`
  }

  return {
    /**
     * Applies a push in one transaction (one commit for the batch; a failure midway leaves nothing
     * applied and the client sends it again). Refusals are answers, not failures.
     */
    push: async (user: User, request: PushRequest): Promise<PushResponse> => ({
      results: await db.transaction((tx) => applyPush(tx, user, request)),
      serverTime: now(),
    }),

    /** Whether this user may fetch the evidence bytes with this SHA-256 (see evidence-citations.ts). */
    mayReadBlob: (user: User, sha256: string) => mayReadBlob(db, user, sha256),
    /** Whether this user may send the evidence bytes with this SHA-256. */
    mayUploadBlob: (user: User, sha256: string) => mayUploadBlob(db, user, sha256),
    /** This user has shown they hold these bytes: their citations of them now open them to readers. */
    recordHolder: (user: User, sha256: string) => recordHolder(db, user, sha256),
    /** Audits a refusal outside a push (an evidence fetch or upload). */
    auditRefusal: (line: AuditLine) => appendAudit(db, [line]),

    /** Changes after the cursor that this user may read, in sequence order, a page at a time. */
    async pull(user: User, request: PullRequest): Promise<PullResponse> {
      return JSON.parse(await pullJson(user, request))
    },

    pullJson,
  }
}
export type SyncService = ReturnType<typeof createSyncService>
