import { createHash } from 'node:crypto'
import { AUDIT_GENESIS_HASH, auditLineText, type ChainedAuditLine } from '@shared/protocol/sync/audit-chain'
import type { AuditChainVerdict } from '@shared/protocol/sync/audit-export'
import type { SqlClient } from './db/sql'

/** One line of the server's own audit: who did what to which record (of which case), and why not. */
export interface AuditLine {
  /** The signed-in account, or null (a refused sign-in of an unknown name, the server itself). */
  userId: string | null
  action: string
  entity?: string | null
  entityId?: string | null
  /** The case the line is about, as the server holds it (never as a client claims it). */
  caseId?: string | null
  detail?: string
}

/** A line as the chain holds it: numbered, timed and hashed. */
export type StoredAuditLine = ChainedAuditLine & { hash: string }

/** The chain's last line: its id (0 while the chain is empty) and hash. */
export interface AuditHead {
  id: number
  hash: string
}

export const auditLineHash = (line: ChainedAuditLine): string =>
  createHash('sha256').update(auditLineText(line), 'utf8').digest('hex')

/**
 * Text as PostgreSQL will store it: a NUL (which text cannot hold) and a lone UTF-16 surrogate (which
 * UTF-8 cannot) become U+FFFD here rather than on the way in, so the line hashed is the line stored.
 * Details quote what clients send (a user name at sign-in), so a crafted one must not be able to
 * make the chain look tampered with, nor make the refusal go unrecorded.
 */
const storable = <T extends string | null>(text: T): T =>
  (text?.replace(/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') ??
    null) as T

/**
 * Appends lines to the audit chain in the caller's transaction (or one of its own), so a line exists
 * exactly when the change or refusal it records does. The chain's head row is locked until commit:
 * writers in other transactions or server processes queue there, and every line gets the next id and
 * the hash of the one before. Call it after taking any other lock the transaction needs (a sync push
 * holds the change counter first), so locks are always taken in the same order. Two statements
 * whatever the number of lines.
 */
export async function appendAudit(db: SqlClient, lines: AuditLine[]): Promise<StoredAuditLine[]> {
  if (lines.length === 0) return []
  return db.transaction(async (tx) => {
    const head = await lockAuditHead(tx)
    // Taken once the head is held, so times follow ids across writers (a server's clock allowing).
    const at = new Date().toISOString()
    let previous = head
    const chained = lines.map((line): StoredAuditLine => {
      const entity = storable(line.entity ?? null)
      const entityId = storable(line.entityId ?? null)
      const content: ChainedAuditLine = {
        id: previous.id + 1,
        at,
        userId: storable(line.userId),
        action: storable(line.action),
        entity,
        entityId,
        // A case's own lines are about that case.
        caseId: storable(line.caseId ?? (entity === 'case' ? entityId : null)),
        detail: storable(line.detail ?? ''),
        prevHash: previous.hash,
      }
      const stored = { ...content, hash: auditLineHash(content) }
      previous = { id: stored.id, hash: stored.hash }
      return stored
    })
    const column = <K extends keyof StoredAuditLine>(key: K) => chained.map((line) => line[key])
    await tx.query(
      `WITH appended AS (
         INSERT INTO server_audit (id, at, user_id, action, entity, entity_id, case_id, detail, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       )
       UPDATE audit_head SET last_id = $11, last_hash = $12 WHERE id = 1`,
      [
        column('id'),
        column('at'),
        column('userId'),
        column('action'),
        column('entity'),
        column('entityId'),
        column('caseId'),
        column('detail'),
        column('prevHash'),
        column('hash'),
        previous.id,
        previous.hash,
      ],
    )
    return chained
  })
}

async function lockAuditHead(tx: SqlClient): Promise<AuditHead> {
  const found = await tx.query<{ last_id: string; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE',
  )
  return headOf(found.rows[0])
}

/** The chain's head as last committed (not locked). */
export async function readAuditHead(db: SqlClient): Promise<AuditHead> {
  const found = await db.query<{ last_id: string; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_head WHERE id = 1',
  )
  return headOf(found.rows[0])
}

function headOf(row: { last_id: string; last_hash: string } | undefined): AuditHead {
  // Migration 004 writes this row and nothing deletes it: without it the chain has lost its end.
  if (!row) throw new Error('The audit chain has no head (the audit_head row is missing).')
  return { id: Number(row.last_id), hash: row.last_hash }
}

/** Lines read back with `at` in the exact form the hash covers; `whole_ms` false means it was altered. */
const SELECT_LINES = `SELECT id::text AS line_id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  at = date_trunc('milliseconds', at) AS whole_ms, user_id, action, entity, entity_id, case_id, detail, prev_hash, hash
  FROM server_audit`

interface LineRow {
  line_id: string
  at: string
  whole_ms: boolean
  user_id: string | null
  action: string
  entity: string | null
  entity_id: string | null
  case_id: string | null
  detail: string
  prev_hash: string
  hash: string
}

const lineOf = (row: LineRow): StoredAuditLine => ({
  id: Number(row.line_id),
  at: row.at,
  userId: row.user_id,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  caseId: row.case_id,
  detail: row.detail,
  prevHash: row.prev_hash,
  hash: row.hash,
})

/** Every line about a case, up to a line id, in chain order. */
export async function caseAuditLines(
  db: SqlClient,
  caseId: string,
  upTo: number,
): Promise<StoredAuditLine[]> {
  const found = await db.query<LineRow>(`${SELECT_LINES} WHERE case_id = $1 AND id <= $2 ORDER BY id`, [
    caseId,
    upTo,
  ])
  return found.rows.map(lineOf)
}

/**
 * Walks the chain from line 1 to its head a page at a time, recomputing each line's hash and
 * checking it follows the line before; names the first line that does not hold. Lines appended while
 * it walks are past the head it read first and are left for the next verification.
 */
export async function verifyAuditChain(
  db: SqlClient,
  options: { pageSize?: number } = {},
): Promise<AuditChainVerdict & { head: AuditHead }> {
  const pageSize = options.pageSize ?? 1_000
  const head = await readAuditHead(db)
  const broken = (brokenAt: number, reason: string) => ({ ok: false as const, brokenAt, reason, head })
  let previous: AuditHead = { id: 0, hash: AUDIT_GENESIS_HASH }
  for (;;) {
    const page = await db.query<LineRow>(`${SELECT_LINES} WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`, [
      previous.id,
      head.id,
      pageSize,
    ])
    for (const row of page.rows) {
      const line = lineOf(row)
      const expected = previous.id + 1
      if (line.id !== expected)
        return broken(
          expected,
          `line ${expected} is missing (line ${line.id} comes after ${previous.id === 0 ? 'the start' : `line ${previous.id}`})`,
        )
      if (!row.whole_ms || auditLineHash(line) !== line.hash)
        return broken(line.id, `line ${line.id}'s hash does not match its content`)
      if (line.prevHash !== previous.hash)
        return broken(
          line.id,
          line.id === 1
            ? 'line 1 does not start the chain'
            : `line ${line.id} does not follow line ${previous.id}`,
        )
      previous = { id: line.id, hash: line.hash }
    }
    if (page.rows.length < pageSize) break
  }
  if (previous.id < head.id)
    return broken(
      previous.id + 1,
      `line ${previous.id + 1} is missing (the chain's head is line ${head.id}, the last line found is ${previous.id})`,
    )
  if (previous.hash !== head.hash)
    return broken(head.id, `line ${head.id} is not the line the chain's head recorded`)
  return { ok: true, lines: head.id, head }
}
