import { type Actor, exhibitLabel, isPageMark, type PageMark, type Report } from '../../../../shared/domain'
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
  const [parties, timeline, evidence, communications, determinations, orders, claims, policyLibrary] =
    await Promise.all([
      repositories.parties.listForCase(caseId),
      repositories.timeline.listForCase(caseId),
      repositories.evidence.listForCase(caseId),
      repositories.communications.listForCase(caseId),
      repositories.determinations.listForCase(caseId),
      repositories.orders.listForCase(caseId),
      repositories.claims.listForCase(caseId),
      repositories.settings.getPolicyLibrary(),
    ])
  const records = { case: record, parties, timeline, evidence, communications, determinations, orders }
  return { ...records, claims, policyLibrary }
}

/**
 * Prepared pictures by file and marks: exporting again, or after a preview, does not prepare them
 * again. Bounded, as each holds a JPEG as a data URL.
 */
const preparedPictures = new Map<string, Promise<PrintExhibit['image']>>()
const PREPARED_PICTURES_KEPT = 120

function preparedPicture(sha256: string, blob: Blob, marks: PageMark[]) {
  const key = `${sha256}:${JSON.stringify(marks.map(({ id: _id, createdAt: _at, createdBy: _by, ...shape }) => shape))}`
  let prepared = preparedPictures.get(key)
  if (!prepared) {
    prepared = preparePrintPicture(blob, marks)
    prepared.catch(() => preparedPictures.delete(key))
    preparedPictures.set(key, prepared)
    if (preparedPictures.size > PREPARED_PICTURES_KEPT)
      preparedPictures.delete(preparedPictures.keys().next().value!)
  }
  return prepared
}

/** Each figure's picture, its marks burned in (prepared in parallel); none for files that are not images. */
async function figurePictures(body: ReportDocument, records: ReportCaseRecords) {
  const entries = await Promise.all(
    figureEvidenceIds(body).map(async (evidenceId) => {
      const item = records.evidence.find((candidate) => candidate.id === evidenceId)
      const blob =
        item && isViewableImage(item.detectedType)
          ? await repositories.evidence.getBlob(item.sha256)
          : undefined
      if (!item || !blob) return null
      const marks = (await repositories.annotations.listForEvidence(item.id))
        .filter(isPageMark)
        .filter((mark) => mark.page === null)
      try {
        return [evidenceId, await preparedPicture(item.sha256, blob, marks)] as const
      } catch {
        throw new Error(
          `The picture of ${exhibitLabel(item.exhibitNumber)} cannot be drawn (a damaged file?). Remove its figure or replace the file.`,
        )
      }
    }),
  )
  return new Map(entries.filter((entry) => entry !== null))
}

let lastWarmed = ''

/**
 * Prepares the figures' pictures in the background (after a save), so that an export finds them
 * ready. Failures are left for the export to report.
 */
export function warmPrintPictures(caseId: string, body: ReportDocument): void {
  const figures = figureEvidenceIds(body)
  // Most saves change text only: read the case again only when the figures changed.
  const key = `${caseId}:${figures.join(',')}`
  if (figures.length === 0 || key === lastWarmed) return
  lastWarmed = key
  void reportCaseRecords(caseId)
    .then((records) => figurePictures(body, records))
    .catch(() => undefined)
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
