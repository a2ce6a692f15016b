import { PDFDocument } from '@cantoo/pdf-lib'
import { openPdf } from '@media/pdf-document'
import { platform } from '@platform'
import type { Actor, Audience, Report } from '@shared/domain'
import { redactForAudience } from '@shared/formats/report/audience-redaction'
import { exportLogHtml, finishExport, type Passwords } from '@shared/formats/report/export-pdf'
import { outlineEntries } from '@shared/formats/report/pdf-outline'
import { citedEvidenceIds, type ReportDocument } from '@shared/formats/report/report-document'
import { type PrintedReport, printReport } from '@shared/formats/report/report-pdf'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { SETTINGS } from '@shared/rules/settings/registry'
import type { Workstation } from '../workstation'
import { recordReportExport } from './record-report-export'
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
export async function printReportPreview(
  workstation: Workstation,
  report: Report,
  analyst: Actor,
): Promise<PrintedReport> {
  const versions = await workstation.repositories.reports.listVersions(report.id)
  const input = await reportPrintInput(
    workstation,
    report,
    report.body as ReportDocument,
    versions.length + 1,
    analyst,
  )
  return printReport(input, platform.printToPdf, readOutline)
}

/** "CR-2026-000042-report-v3.pdf"; "CR-2026-000042-report-v3-customer.pdf" for an outside audience. */
export const reportFileName = (caseNumber: string, versionNumber: number, audience: Audience = 'internal') =>
  `${caseNumber}-report-v${versionNumber}${audience === 'internal' ? '' : `-${audience}`}.pdf`

export interface ExportOptions {
  audience: Audience
  passwords: Passwords | null
}

/** The report's text as the audience may read it (their redaction profile applied), and what was hidden. */
async function textForAudience({ repositories }: Workstation, report: Report, audience: Audience) {
  const [parties, profiles] = await Promise.all([
    repositories.parties.listForCase(report.caseId),
    repositories.settings.read(SETTINGS.redactionProfiles),
  ])
  return redactForAudience(report.body as ReportDocument, parties, profiles[audience] ?? {})
}

/**
 * Prints the report for an audience and saves the PDF where the analyst chooses: the audience's
 * redaction profile is applied first, a verification page (the export log, with the SHA-256 of the
 * printed pages) is added last, and the file is encrypted when passwords are given. A saved export
 * becomes a version of the report carrying the PDF's SHA-256, the audience and the redaction log; it
 * is in the audit and in the custody record of every exhibit it cites. Returns the PDF's SHA-256, or
 * null if the analyst cancelled the save.
 */
export async function exportReport(
  workstation: Workstation,
  report: Report,
  analyst: Actor,
  options: ExportOptions,
): Promise<string | null> {
  const { repositories } = workstation
  const { document: body, log: redactions } = await textForAudience(workstation, report, options.audience)
  const versionNumber = (await repositories.reports.listVersions(report.id)).length + 1
  const record = await repositories.cases.get(report.caseId)
  const passwordProtected = options.passwords !== null
  const input = await reportPrintInput(workstation, report, body, versionNumber, analyst)
  const { pdf: printed } = await printReport(input, platform.printToPdf, readOutline)
  const hash = await createSha256Hasher()
  const pagesSha256 = hash(printed)
  const pageCount = (await PDFDocument.load(printed, { updateMetadata: false })).getPageCount()
  const verificationPage = await platform.printToPdf(
    exportLogHtml({
      caseNumber: record?.caseNumber ?? '',
      title: report.title,
      versionNumber,
      audience: options.audience,
      exportedBy: analyst,
      exportedAt: input.printedAt,
      timeZone: input.timeZone,
      pagesSha256,
      pageCount,
      redactions,
      passwordProtected,
    }),
  )
  const pdf = await finishExport(printed, verificationPage, options.passwords)
  const sha256 = hash(pdf)
  const suggestedName = reportFileName(record?.caseNumber ?? 'report', versionNumber, options.audience)
  const saved = await platform.saveFile({
    title: 'Export the report as PDF',
    suggestedName,
    mimeType: 'application/pdf',
    filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
    bytes: pdf,
  })
  if (!saved.saved) return null
  await recordReportExport(
    workstation,
    {
      reportId: report.id,
      fileName: suggestedName,
      pdfSha256: sha256,
      export: { audience: options.audience, redactions, passwordProtected, pagesSha256 },
      citedEvidenceIds: citedEvidenceIds(body),
    },
    analyst,
  )
  return sha256
}
