import { IdSchema } from '@shared/domain/primitives'
import { CASE_AUDIT_EXPORT_FORMAT, type CaseAuditExport } from '@shared/protocol/sync/audit-export'
import type { User } from './accounts'
import { appendAudit, caseAuditLines, verifyAuditChain } from './audit-log'
import type { SqlClient } from './db/sql'

export type CaseAuditExportResult =
  | { status: 200; document: CaseAuditExport }
  | { status: 400 | 403 | 404; error: string }

/**
 * A case's server audit with the proof that its lines belong to the team's hash chain, for a lead or
 * an admin to hand to a reviewer (see shared/sync/audit-export.ts). The export is itself audited
 * first, so the document carries the line recording it; an analyst's attempt is audited as refused.
 */
export function createCaseAuditExports(db: SqlClient) {
  return {
    async exportCase(user: User, caseId: string): Promise<CaseAuditExportResult> {
      if (!IdSchema.safeParse(caseId).success)
        return { status: 400, error: 'A case id is 1 to 128 characters.' }
      if (user.role === 'analyst') {
        await appendAudit(db, [
          {
            userId: user.id,
            action: 'audit-export-refused',
            entity: 'case',
            entityId: caseId,
            detail: 'only a lead or an admin exports a case’s audit',
          },
        ])
        return { status: 403, error: 'Only a lead or an admin exports a case’s audit.' }
      }
      const known = await db.query(
        "SELECT 1 FROM records WHERE entity = 'case' AND entity_id = $1 UNION ALL SELECT 1 FROM server_audit WHERE case_id = $1 LIMIT 1",
        [caseId],
      )
      if (known.rows.length === 0) return { status: 404, error: 'The server has no case with this id.' }
      const [recorded] = await appendAudit(db, [
        { userId: user.id, action: 'audit-exported', entity: 'case', entityId: caseId },
      ])
      const { head, ...chain } = await verifyAuditChain(db)
      return {
        status: 200,
        document: {
          format: CASE_AUDIT_EXPORT_FORMAT,
          caseId,
          exportedAt: recorded!.at,
          exportedBy: user.id,
          head,
          chain,
          lines: await caseAuditLines(db, caseId, head.id),
        },
      }
    },
  }
}
export type CaseAuditExports = ReturnType<typeof createCaseAuditExports>
