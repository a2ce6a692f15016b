import {
  type Actor,
  REPORT_STATUS_LABELS,
  type Report,
  type ReportExport,
  ReportSchema,
  type ReportStatus,
  type ReportVersion,
  ReportVersionSchema,
} from '../../../../shared/domain'
import { type ReportDocument, ReportDocumentSchema } from '../../../../shared/report/report-document'
import { describeIssues } from '../../../../shared/validation'
import type { WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { createCaseRecordRepository } from './case-records'
import { CaseRuleError } from './cases'

/** Draft → in review → final; a report in review can go back to draft. Final only changes by amending. */
const STATUS_STEPS: Record<ReportStatus, readonly ReportStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'final'],
  final: [],
}

export function canMoveReport(from: ReportStatus, to: ReportStatus): boolean {
  return STATUS_STEPS[from].includes(to)
}

/**
 * Investigation reports and their versions. The report's text is saved as the analyst types (many
 * times a minute), so those saves are not audit lines: the audit records the report's creation,
 * every status change, every version and every export, and the versions keep the text itself.
 */
export function createReportRepository(db: WorkstationDatabase, now: () => string) {
  const reports = createCaseRecordRepository(db, {
    table: db.reports,
    entity: 'report',
    schema: ReportSchema,
    describe: (report) => `report "${report.title}"`,
    now,
  })
  const versions = createCaseRecordRepository(db, {
    table: db.reportVersions,
    entity: 'reportVersion',
    schema: ReportVersionSchema,
    describe: (version) => `version ${version.number} of the report (${version.reason})`,
    now,
  })
  const checkedBody = (body: unknown): ReportDocument => {
    const parsed = ReportDocumentSchema.safeParse(body)
    if (!parsed.success)
      throw new CaseRuleError(`The report text is not valid: ${describeIssues(parsed.error)}`)
    return parsed.data
  }
  const reportFor = async (id: string) => {
    const report = await db.reports.get(id)
    if (!report) throw new CaseRuleError('That report no longer exists on this workstation.')
    return report
  }
  const listVersions = (reportId: string) =>
    db.reportVersions.where('reportId').equals(reportId).sortBy('number')
  const takeVersion = async (report: Report, reason: ReportVersion['reason'], actor: Actor) => {
    const last = (await listVersions(report.id)).at(-1)
    return versions.add(
      {
        id: crypto.randomUUID(),
        reportId: report.id,
        caseId: report.caseId,
        number: (last?.number ?? 0) + 1,
        status: report.status,
        body: report.body,
        takenAt: now(),
        takenBy: actor,
        reason,
        exportedPdfSha256: null,
      },
      actor,
    )
  }
  const inTransaction = <T>(work: () => Promise<T>) =>
    guardStorage(() => db.transaction('rw', [db.reports, db.reportVersions, db.auditEntries], work))

  return {
    listForCase: reports.listForCase,
    get: (id: string) => db.reports.get(id),
    listVersions,
    getVersion: (id: string) => db.reportVersions.get(id),

    async create(
      input: { caseId: string; title: string; templateId: string; body: ReportDocument },
      actor: Actor,
    ) {
      const at = now()
      return reports.add(
        {
          id: crypto.randomUUID(),
          caseId: input.caseId,
          title: input.title,
          templateId: input.templateId,
          status: 'draft',
          body: checkedBody(input.body),
          createdAt: at,
          createdBy: actor,
          updatedAt: at,
        },
        actor,
      )
    },

    /** Autosave: the text as it stands. A final report is locked; amend it to change it. */
    async saveBody(id: string, body: unknown): Promise<void> {
      const valid = checkedBody(body)
      return guardStorage(() =>
        db.transaction('rw', db.reports, async () => {
          const report = await reportFor(id)
          if (report.status === 'final')
            throw new CaseRuleError('This report is final and locked. Amend it to change it.')
          await db.reports.update(id, { body: valid, updatedAt: now() })
        }),
      )
    },

    /** A named version of the text as it stands (on demand, or at an export). */
    snapshot(id: string, reason: 'snapshot' | 'export', actor: Actor): Promise<ReportVersion> {
      return inTransaction(async () => takeVersion(await reportFor(id), reason, actor))
    },

    setStatus(id: string, status: ReportStatus, actor: Actor): Promise<Report> {
      return inTransaction(async () => {
        const report = await reportFor(id)
        if (!canMoveReport(report.status, status))
          throw new CaseRuleError(
            `A report that is ${REPORT_STATUS_LABELS[report.status].toLowerCase()} cannot become ${REPORT_STATUS_LABELS[status].toLowerCase()}.`,
          )
        const updated = await reports.update(id, { status, updatedAt: now() }, actor)
        // The final text is kept as a version of its own: what was signed off.
        if (status === 'final') await takeVersion(updated, 'snapshot', actor)
        return updated
      })
    },

    /** Reopens a final report for changes; the final text stays as the version it was. */
    amend(id: string, actor: Actor): Promise<Report> {
      return inTransaction(async () => {
        const report = await reportFor(id)
        if (report.status !== 'final')
          throw new CaseRuleError('Only a final report is amended; this one can be edited.')
        await takeVersion(report, 'amendment', actor)
        return reports.update(id, { status: 'draft', updatedAt: now() }, actor)
      })
    },

    /** Records the exported PDF's SHA-256 on the version it was printed from (who and when are the version's). */
    recordExport(
      versionId: string,
      pdfSha256: string,
      exported: ReportExport,
      actor: Actor,
    ): Promise<ReportVersion> {
      return versions.update(versionId, { exportedPdfSha256: pdfSha256, export: exported }, actor)
    },
  }
}
export type ReportRepository = ReturnType<typeof createReportRepository>
