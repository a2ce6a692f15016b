import type { User } from './accounts'
import type { SqlClient } from './db/sql'
import { sees } from './write-rules'

/**
 * Evidence bytes are read by SHA-256, so knowing a hash must not be enough to get a file: an
 * evidence record opens its bytes to the readers of its case only when whoever made it cite them
 * had shown they hold them (uploaded them, or could already read them). Someone citing a hash they
 * never held must upload the bytes themselves, which the server hashes.
 */

const readersOf = (vouchedOnly: boolean) =>
  `SELECT c.fields->'assigneeId'->>'value' AS assignee
   FROM evidence_citations ec
   JOIN records e ON e.entity = 'evidence' AND e.entity_id = ec.evidence_id
   LEFT JOIN records c ON c.entity = 'case' AND c.entity_id = e.case_id
   WHERE ec.sha256 = $1${vouchedOnly ? ' AND ec.vouched' : ''}`

async function holds(db: SqlClient, user: User, sha256: string): Promise<boolean> {
  const found = await db.query('SELECT 1 FROM blob_holders WHERE sha256 = $1 AND user_id = $2', [
    sha256,
    user.id,
  ])
  return found.rows.length > 0
}

/** Whether this user may fetch these bytes: a vouched citation of them on a case they may read. */
export async function mayReadBlob(db: SqlClient, user: User, sha256: string): Promise<boolean> {
  const found = await db.query<{ assignee: string | null }>(readersOf(true), [sha256])
  return found.rows.some((row) => sees(user, row.assignee ?? ''))
}

/** Whether this user may send these bytes: some citation of them on a case they may read. */
export async function mayUploadBlob(db: SqlClient, user: User, sha256: string): Promise<boolean> {
  const found = await db.query<{ assignee: string | null }>(readersOf(false), [sha256])
  return found.rows.some((row) => sees(user, row.assignee ?? ''))
}

/**
 * Records that an evidence record now cites these bytes, on this user's word: vouched when the user
 * has held them (uploaded or fetched) or may read them now through another vouched citation.
 */
export async function recordCitation(
  db: SqlClient,
  user: User,
  evidenceId: string,
  sha256: string,
): Promise<void> {
  const vouched = (await holds(db, user, sha256)) || (await mayReadBlob(db, user, sha256))
  await db.query(
    `INSERT INTO evidence_citations (evidence_id, sha256, cited_by, vouched) VALUES ($1, $2, $3, $4)
     ON CONFLICT (evidence_id) DO UPDATE SET sha256 = EXCLUDED.sha256, cited_by = EXCLUDED.cited_by, vouched = EXCLUDED.vouched`,
    [evidenceId, sha256, user.id, vouched],
  )
}

/**
 * This user has shown they hold these bytes (the server hashed what they sent, or sent them the
 * bytes): their citations of them are vouched from now on.
 */
export async function recordHolder(db: SqlClient, user: User, sha256: string): Promise<void> {
  await db.query(
    'INSERT INTO blob_holders (sha256, user_id) VALUES ($1, $2) ON CONFLICT (sha256, user_id) DO NOTHING',
    [sha256, user.id],
  )
  await db.query(
    'UPDATE evidence_citations SET vouched = true WHERE sha256 = $1 AND cited_by = $2 AND NOT vouched',
    [sha256, user.id],
  )
}
