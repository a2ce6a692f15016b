import { z } from 'zod'
import { EvidenceAnnotationSchema } from './annotation'
import { AuditEntrySchema } from './audit'
import { CaseSchema } from './case'
import { CommunicationSchema } from './communication'
import { CustodyEventSchema } from './custody'
import { DeterminationSchema } from './determination'
import { EvidenceSchema } from './evidence'
import { NoteSchema } from './note'
import { OrderRecordSchema } from './order'
import { PartySchema } from './party'
import { ReportSchema, ReportVersionSchema } from './report'
import { TaskSchema } from './task'
import { TimelineEventSchema } from './timeline'
import { ClaimSchema, ContactAttemptSchema } from './verification'

/**
 * Everything recorded on one case, as it travels in a case bundle or comes out of the demo generator.
 * Evidence bytes are not inside: they travel beside it, keyed by SHA-256.
 */
export const CaseFileSchema = z
  .object({
    case: CaseSchema,
    parties: z.array(PartySchema),
    timeline: z.array(TimelineEventSchema),
    tasks: z.array(TaskSchema),
    notes: z.array(NoteSchema),
    communications: z.array(CommunicationSchema),
    evidence: z.array(EvidenceSchema),
    custody: z.array(CustodyEventSchema),
    /** Absent in bundles written before annotations existed. */
    annotations: z.array(EvidenceAnnotationSchema).default([]),
    determinations: z.array(DeterminationSchema),
    /** Absent in bundles written before order records existed. */
    orders: z.array(OrderRecordSchema).default([]),
    /** Absent in bundles written before party verification existed. */
    contactAttempts: z.array(ContactAttemptSchema).default([]),
    claims: z.array(ClaimSchema).default([]),
    reports: z.array(ReportSchema),
    reportVersions: z.array(ReportVersionSchema),
    audit: z.array(AuditEntrySchema),
  })
  .superRefine((file, ctx) => {
    const caseId = file.case.id
    const children = [
      ['parties', file.parties],
      ['timeline', file.timeline],
      ['tasks', file.tasks],
      ['notes', file.notes],
      ['communications', file.communications],
      ['evidence', file.evidence],
      ['custody', file.custody],
      ['annotations', file.annotations],
      ['determinations', file.determinations],
      ['orders', file.orders],
      ['contactAttempts', file.contactAttempts],
      ['claims', file.claims],
      ['reports', file.reports],
      ['reportVersions', file.reportVersions],
      ['audit', file.audit],
    ] as const
    for (const [key, records] of children) {
      records.forEach((record, index) => {
        if (record.caseId !== caseId) {
          ctx.addIssue({
            code: 'custom',
            path: [key, index, 'caseId'],
            message: `belongs to case ${record.caseId}, not ${caseId}`,
          })
        }
      })
    }
    const exhibits = new Set<number>()
    file.evidence.forEach((item, index) => {
      if (exhibits.has(item.exhibitNumber)) {
        ctx.addIssue({
          code: 'custom',
          path: ['evidence', index, 'exhibitNumber'],
          message: `exhibit E-${item.exhibitNumber} appears twice`,
        })
      }
      exhibits.add(item.exhibitNumber)
    })
  })
export type CaseFile = z.infer<typeof CaseFileSchema>

export function emptyCaseFile(caseRecord: CaseFile['case']): CaseFile {
  return {
    case: caseRecord,
    parties: [],
    timeline: [],
    tasks: [],
    notes: [],
    communications: [],
    evidence: [],
    custody: [],
    annotations: [],
    determinations: [],
    orders: [],
    contactAttempts: [],
    claims: [],
    reports: [],
    reportVersions: [],
    audit: [],
  }
}
