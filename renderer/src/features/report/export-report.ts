import type { Actor, Report } from '../../../../shared/domain'
import { createSha256Hasher } from '../../../../shared/hashing/sha256'
import { outlineEntries } from '../../../../shared/report/pdf-outline'
import { citedEvidenceIds, type ReportDocument } from '../../../../shared/report/report-document'
import { type PrintedReport, printReport } from '../../../../shared/report/report-pdf'
import { repositories } from '../../db/instance'
import { platform } from '../../platform'
import { openPdf } from '../evidence-pane/pdf-document'
import { reportPrintInput } from './report-print-input'

/** The page each heading landed on, read from the printed PDF's bookmarks with pdf.js. */
async function readOutline(pdf: Uint8Array) {
  const document = await openPdf(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }))
  try {
    return await outlineEntries(document)
  } finally {
    await document.destroy()
  }
}

/** The report printed as it will be exported, for the preview. */
export async function printReportPreview(report: Report, analyst: Actor): Promise<PrintedReport> {
  const versions = await repositories.reports.listVersions(report.id)
  const input = await reportPrintInput(report, report.body as ReportDocument, versions.length + 1, analyst)
  return printReport(input, platform.printToPdf, readOutline)
}

/** "CR-2026-000042-report-v3.pdf" */
export const reportFileName = (caseNumber: string, versionNumber: number) =>
  `${caseNumber}-report-v${versionNumber}.pdf`

/**
 * Prints the report and saves the PDF where the analyst chooses. A saved export becomes a version of
 * the report carrying the PDF's SHA-256 (who and when are the version's), is in the audit, and is a
 * line of the custody record of every exhibit it cites. Returns the PDF's SHA-256, or null if the
 * analyst cancelled the save.
 */
export async function exportReport(report: Report, analyst: Actor): Promise<string | null> {
  const body = report.body as ReportDocument
  const versionNumber = (await repositories.reports.listVersions(report.id)).length + 1
  const record = await repositories.cases.get(report.caseId)
  const input = await reportPrintInput(report, body, versionNumber, analyst)
  const { pdf } = await printReport(input, platform.printToPdf, readOutline)
  const sha256 = (await createSha256Hasher())(pdf)
  const suggestedName = reportFileName(record?.caseNumber ?? 'report', versionNumber)
  const saved = await platform.saveFile({
    title: 'Export the report as PDF',
    suggestedName,
    mimeType: 'application/pdf',
    filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
    bytes: pdf,
  })
  if (!saved.saved) return null
  const version = await repositories.reports.snapshot(report.id, 'export', analyst)
  await repositories.reports.recordExport(version.id, sha256, analyst)
  const cited = citedEvidenceIds(body)
  if (cited.length)
    await repositories.evidence.recordExported(
      cited,
      `Exported in report version ${version.number} (${suggestedName}, PDF SHA-256 ${sha256})`,
      analyst,
    )
  return sha256
}
