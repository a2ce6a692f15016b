import { type Actor, exhibitLabel, isPageMark, type Report } from '../../../../shared/domain'
import { isViewableImage } from '../../../../shared/evidence/content-type'
import type { PrintExhibit, ReportPrintInput } from '../../../../shared/report/print-html'
import { assemblePrintInput, figureEvidenceIds } from '../../../../shared/report/print-input'
import type { ReportCaseRecords, ReportDocument } from '../../../../shared/report/report-document'
import { repositories } from '../../db/instance'
import { preparePrintPicture } from './print-picture'

/** The analyst's own time zone: report times read as their clock shows them. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** The case records a report's tables are filled from. */
export async function reportCaseRecords(caseId: string): Promise<ReportCaseRecords> {
  const record = await repositories.cases.get(caseId)
  if (!record) throw new Error('That case no longer exists on this workstation.')
  const [parties, timeline, evidence, communications] = await Promise.all([
    repositories.parties.listForCase(caseId),
    repositories.timeline.listForCase(caseId),
    repositories.evidence.listForCase(caseId),
    repositories.communications.listForCase(caseId),
  ])
  return { case: record, parties, timeline, evidence, communications }
}

/** Each figure's picture, its marks burned in; null for files that are not images. */
async function figurePictures(body: ReportDocument, records: ReportCaseRecords) {
  const pictures = new Map<string, PrintExhibit['image']>()
  for (const evidenceId of figureEvidenceIds(body)) {
    const item = records.evidence.find((candidate) => candidate.id === evidenceId)
    const blob =
      item && isViewableImage(item.detectedType)
        ? await repositories.evidence.getBlob(item.sha256)
        : undefined
    if (!item || !blob) continue
    const marks = (await repositories.annotations.listForEvidence(item.id))
      .filter(isPageMark)
      .filter((mark) => mark.page === null)
    try {
      pictures.set(evidenceId, await preparePrintPicture(blob, marks))
    } catch {
      throw new Error(
        `The picture of ${exhibitLabel(item.exhibitNumber)} cannot be drawn (a damaged file?). Remove its figure or replace the file.`,
      )
    }
  }
  return pictures
}

/** Everything the print document is built from, for one version of the report. */
export async function reportPrintInput(
  report: Report,
  body: ReportDocument,
  versionNumber: number,
  analyst: Actor,
): Promise<ReportPrintInput> {
  const records = await reportCaseRecords(report.caseId)
  return assemblePrintInput({
    report,
    body,
    versionNumber,
    analyst,
    records,
    pictures: await figurePictures(body, records),
    printedAt: new Date().toISOString(),
    timeZone: localTimeZone(),
  })
}
