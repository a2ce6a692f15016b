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

/**
 * Appends lines to `server_audit` in the caller's transaction, so a line exists exactly when the
 * change (or the refusal) it records does.
 */
export async function appendAudit(db: SqlClient, lines: AuditLine[]): Promise<void> {
  if (lines.length === 0) return
  await db.query(
    'INSERT INTO server_audit (user_id, action, entity, entity_id, detail) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])',
    [
      lines.map((line) => line.userId),
      lines.map((line) => line.action),
      lines.map((line) => line.entity ?? null),
      lines.map((line) => line.entityId ?? null),
      lines.map((line) => line.detail ?? ''),
    ],
  )
}
