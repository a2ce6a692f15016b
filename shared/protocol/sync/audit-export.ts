import { z } from 'zod'
import { IdSchema } from '../../domain/primitives'

/**
 * A case's server audit as a lead exports it (`GET /v1/cases/:caseId/audit`): every line about the
 * case with its place in the team's hash chain, the chain's head when it was exported, and the
 * server's verification of the whole chain up to that head. A reviewer re-checks it offline with
 * `checkCaseAuditExport` (check-audit-export.ts) and can later ask whether the chain still runs
 * through the same head.
 */

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lowercase hex digits')
const LineIdSchema = z.number().int().min(1)

export const ExportedAuditLineSchema = z
  .object({
    id: LineIdSchema,
    at: z.iso.datetime({ offset: false, precision: 3 }),
    userId: z.string().nullable(),
    action: z.string().min(1),
    entity: z.string().nullable(),
    entityId: z.string().nullable(),
    caseId: z.string().nullable(),
    detail: z.string(),
    prevHash: HashSchema,
    hash: HashSchema,
  })
  .strict()
export type ExportedAuditLine = z.infer<typeof ExportedAuditLineSchema>

/** What verifying the chain found: its length, or the first line that breaks it and why. */
export const AuditChainVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), lines: z.number().int().min(0) }).strict(),
  z.object({ ok: z.literal(false), brokenAt: z.number().int().min(0), reason: z.string().min(1) }).strict(),
])
export type AuditChainVerdict = z.infer<typeof AuditChainVerdictSchema>

export const CASE_AUDIT_EXPORT_FORMAT = 'crw-case-audit/1'

export const CaseAuditExportSchema = z
  .object({
    format: z.literal(CASE_AUDIT_EXPORT_FORMAT),
    caseId: IdSchema,
    exportedAt: z.iso.datetime({ offset: false }),
    /** The account that exported it; the export is itself a line of the case's audit. */
    exportedBy: z.string().min(1),
    /** The chain's last line when exported (id 0 and the genesis hash for an empty chain). */
    head: z.object({ id: z.number().int().min(0), hash: HashSchema }).strict(),
    /** The server's verification of every line from 1 to the head. */
    chain: AuditChainVerdictSchema,
    lines: z.array(ExportedAuditLineSchema),
  })
  .strict()
export type CaseAuditExport = z.infer<typeof CaseAuditExportSchema>
