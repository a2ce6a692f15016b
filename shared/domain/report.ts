import { z } from 'zod'
import { AudienceSchema, RedactionLogEntrySchema } from './audience'
import { labelledEnum } from './labelled-enum'
import { ActorSchema, IdSchema, Sha256Schema, TimestampSchema } from './primitives'

export const {
  values: REPORT_STATUSES,
  schema: ReportStatusSchema,
  labels: REPORT_STATUS_LABELS,
} = labelledEnum({
  draft: 'Draft',
  in_review: 'In review',
  final: 'Final',
})
export type ReportStatus = z.infer<typeof ReportStatusSchema>

/** A rich-text document in the editor's JSON form (ProseMirror nodes). */
export const RichTextDocSchema = z.object({
  type: z.literal('doc'),
  content: z.array(z.unknown()).optional(),
})

export const ReportSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  title: z.string().trim().min(1).max(300),
  templateId: z.string().max(80),
  status: ReportStatusSchema,
  body: RichTextDocSchema,
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
  updatedAt: TimestampSchema,
})
export type Report = z.infer<typeof ReportSchema>

/** How a version was exported: for whom, what was hidden, whether a password protects the file. */
export const ReportExportSchema = z.object({
  audience: AudienceSchema,
  redactions: z.array(RedactionLogEntrySchema).max(1_000),
  passwordProtected: z.boolean(),
  /** SHA-256 of the report's pages as printed (shown on the file's verification page). */
  pagesSha256: Sha256Schema,
})
export type ReportExport = z.infer<typeof ReportExportSchema>

/** A frozen copy of a report: taken on demand and at every export. */
export const ReportVersionSchema = z.object({
  id: IdSchema,
  reportId: IdSchema,
  caseId: IdSchema,
  number: z.number().int().min(1),
  status: ReportStatusSchema,
  body: RichTextDocSchema,
  takenAt: TimestampSchema,
  takenBy: ActorSchema,
  reason: z.enum(['snapshot', 'export', 'amendment']),
  exportedPdfSha256: Sha256Schema.nullable(),
  /** Absent for versions exported before audiences existed (and for snapshots). */
  export: ReportExportSchema.nullable().optional(),
})
export type ReportVersion = z.infer<typeof ReportVersionSchema>

/**
 * A batch of edits to a report's text as a Y.js update (base64). Updates only ever get added; every
 * workstation applies all of a report's updates, in any order, and reaches the same text, so two
 * analysts' offline edits of one report merge instead of one overwriting the other.
 */
export const ReportUpdateSchema = z.object({
  id: IdSchema,
  reportId: IdSchema,
  caseId: IdSchema,
  update: z
    .string()
    .max(8_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'a Y.js update in base64'),
  createdAt: TimestampSchema,
})
export type ReportUpdate = z.infer<typeof ReportUpdateSchema>
