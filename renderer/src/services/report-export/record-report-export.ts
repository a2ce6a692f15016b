import { guardStorage } from '@db/storage'
import { type Actor, AUDIENCE_LABELS, type ReportExport, type ReportVersion } from '@shared/domain'
import type { Workstation } from '../workstation'

/** A saved export of a report, as it is recorded. */
export interface SavedReportExport {
  reportId: string
  /** The exported file's name, as the custody lines give it. */
  fileName: string
  pdfSha256: string
  export: ReportExport
  /** The exhibits the exported text cites: each gets a custody line. */
  citedEvidenceIds: string[]
}

/**
 * Records a saved export in one transaction: a version of the report carrying the PDF's SHA-256,
 * the audience and the redaction log (with its audit lines), and an "exported" line in the custody
 * record of every exhibit it cites. All of it is there, or none of it.
 */
export function recordReportExport(
  { db, repositories }: Workstation,
  saved: SavedReportExport,
  analyst: Actor,
): Promise<ReportVersion> {
  // Every table the three writes touch: theirs join this transaction instead of committing alone.
  const tables = [db.reports, db.reportVersions, db.auditEntries, db.evidence, db.custodyEvents]
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const version = await repositories.reports.snapshot(saved.reportId, 'export', analyst)
      const recorded = await repositories.reports.recordExport(
        version.id,
        saved.pdfSha256,
        saved.export,
        analyst,
      )
      const { audience } = saved.export
      const forWhom = audience === 'internal' ? '' : `, for the ${AUDIENCE_LABELS[audience].toLowerCase()}`
      if (saved.citedEvidenceIds.length)
        await repositories.evidence.recordExported(
          saved.citedEvidenceIds,
          `Exported in report version ${version.number} (${saved.fileName}${forWhom}, PDF SHA-256 ${saved.pdfSha256})`,
          analyst,
        )
      return recorded
    }),
  )
}
