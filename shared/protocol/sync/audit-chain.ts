/**
 * The team server's audit is a hash chain: each line carries the hash of the line before it, so a
 * line altered, removed or moved shows. This is the one definition of what a line's hash covers,
 * used by the server that writes the chain, the verifier and the offline check of a case's export;
 * server/migrations/004_audit_chain.sql spells the same encoding in SQL for the lines that existed
 * before the chain.
 */

/** The `prevHash` of the first line: there is no line before it. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64)

/** One line of the server's audit as the chain hashes it. */
export interface ChainedAuditLine {
  /** 1, 2, 3… with no gaps: a missing number is a removed line. */
  id: number
  /** When the server wrote it: ISO-8601 UTC with milliseconds ("2026-03-01T14:05:00.000Z"). */
  at: string
  userId: string | null
  action: string
  entity: string | null
  entityId: string | null
  caseId: string | null
  detail: string
  /** The hash of the line before (AUDIT_GENESIS_HASH for line 1). */
  prevHash: string
}

/**
 * The exact text a line's hash is the SHA-256 (of its UTF-8 bytes, as lowercase hex) of: a JSON
 * array, so no two different lines give the same text (a separator inside a value is escaped).
 */
export function auditLineText(line: ChainedAuditLine): string {
  return JSON.stringify([
    line.id,
    line.at,
    line.userId,
    line.action,
    line.entity,
    line.entityId,
    line.caseId,
    line.detail,
    line.prevHash,
  ])
}
