import { preparePrintPicture } from '@media/print-picture'
import { blobOfDataUrl, preparePrintThumbnail } from '@media/print-thumbnail'
import { type Actor, exhibitLabel, isPageMark, type PageMark, type Report } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import type { PrintExhibit, PrintThumbnail, ReportPrintInput } from '@shared/formats/report/print-html'
import { assemblePrintInput, figureEvidenceIds, thumbnailEvidence } from '@shared/formats/report/print-input'
import type { ReportCaseRecords, ReportDocument } from '@shared/formats/report/report-document'
import { SETTINGS } from '@shared/rules/settings/registry'
import { readEvidenceFile } from '../evidence-files/read-evidence-file'
import type { Workstation } from '../workstation'

/** The analyst's own time zone: report times read as their clock shows them. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** The case records a report's tables are filled from. */
export async function reportCaseRecords(
  { repositories }: Workstation,
  caseId: string,
): Promise<ReportCaseRecords> {
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
      repositories.settings.read(SETTINGS.policyLibrary),
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
async function figurePictures(workstation: Workstation, body: ReportDocument, records: ReportCaseRecords) {
  const entries = await Promise.all(
    figureEvidenceIds(body).map(async (evidenceId) => {
      const item = records.evidence.find((candidate) => candidate.id === evidenceId)
      const blob =
        item && isViewableImage(item.detectedType)
          ? await readEvidenceFile(workstation, item.sha256)
          : undefined
      if (!item || !blob) return null
      const marks = (await workstation.repositories.annotations.listForEvidence(item.id))
        .filter(isPageMark)
        .filter((mark) => mark.page === null)
      try {
        return [evidenceId, await preparedPicture(item.sha256, blob, marks)] as const
      } catch {
        // A photo the image check found damaged prints without a picture; its caption says why.
        if (item.damage) return null
        throw new Error(
          `The picture of ${exhibitLabel(item.exhibitNumber)} cannot be drawn (a damaged file?). Remove its figure or replace the file.`,
        )
      }
    }),
  )
  return new Map(entries.filter((entry) => entry !== null))
}

/** An image's marks as a cache key: their shapes, not who drew them or when. */
const marksKey = (marks: PageMark[]) =>
  JSON.stringify(marks.map(({ id: _id, createdAt: _at, createdBy: _by, ...shape }) => shape))

/** Thumbnails by file and marks, kept like the pictures (each a few kB of JPEG). */
const preparedThumbnails = new Map<string, Promise<PrintThumbnail>>()
const PREPARED_THUMBNAILS_KEPT = 500
/** Photos decoded at once for thumbnails: each full-size decode can take tens of MB. */
const THUMBNAILS_AT_ONCE = 3

function preparedThumbnail(sha256: string, marks: PageMark[], prepare: () => Promise<PrintThumbnail>) {
  const key = `${sha256}:${marksKey(marks)}`
  let prepared = preparedThumbnails.get(key)
  if (!prepared) {
    prepared = prepare()
    prepared.catch(() => preparedThumbnails.delete(key))
    preparedThumbnails.set(key, prepared)
    if (preparedThumbnails.size > PREPARED_THUMBNAILS_KEPT)
      preparedThumbnails.delete(preparedThumbnails.keys().next().value!)
  }
  return prepared
}

/**
 * The evidence index's thumbnails, by evidence id: every photo still in the case, figure or not,
 * with its marks and redactions burned in. A figure's is made from its prepared picture (already
 * downscaled, marks burned in: far quicker than decoding the original again). A photo that cannot be
 * drawn (damaged) has none; the index still lists it.
 */
async function evidenceThumbnails(
  workstation: Workstation,
  records: ReportCaseRecords,
  figures: ReadonlyMap<string, PrintExhibit['image']> = new Map(),
): Promise<Map<string, PrintThumbnail>> {
  const thumbnails = new Map<string, PrintThumbnail>()
  const queue = thumbnailEvidence(records.evidence)
  const work = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const marks = (await workstation.repositories.annotations.listForEvidence(item.id))
        .filter(isPageMark)
        .filter((mark) => mark.page === null)
      const figure = figures.get(item.id)
      const prepare = async () => {
        if (figure) return preparePrintThumbnail(blobOfDataUrl(figure.dataUrl), [])
        const blob = await readEvidenceFile(workstation, item.sha256)
        if (!blob) throw new Error('not stored here')
        return preparePrintThumbnail(blob, marks)
      }
      const thumbnail = await preparedThumbnail(item.sha256, marks, prepare).catch(() => null)
      if (thumbnail) thumbnails.set(item.id, thumbnail)
    }
  }
  await Promise.all(Array.from({ length: THUMBNAILS_AT_ONCE }, work))
  return thumbnails
}

let lastWarmed = ''
let lastWarmedThumbnails = ''

/**
 * Prepares the figures' pictures and the evidence index's thumbnails in the background (after a
 * save), so that an export finds them ready. Failures are left for the export to report.
 */
export function warmPrintPictures(workstation: Workstation, caseId: string, body: ReportDocument): void {
  // The evidence index's thumbnails once per case opened (new photos are made at export).
  if (caseId !== lastWarmedThumbnails) {
    lastWarmedThumbnails = caseId
    void reportCaseRecords(workstation, caseId)
      .then((records) => evidenceThumbnails(workstation, records))
      .catch(() => undefined)
  }
  const figures = figureEvidenceIds(body)
  // Most saves change text only: read the case again only when the figures changed.
  const key = `${caseId}:${figures.join(',')}`
  if (figures.length === 0 || key === lastWarmed) return
  lastWarmed = key
  void reportCaseRecords(workstation, caseId)
    .then((records) => figurePictures(workstation, body, records))
    .catch(() => undefined)
}

/** Everything the print document is built from, for one version of the report. */
export async function reportPrintInput(
  workstation: Workstation,
  report: Report,
  body: ReportDocument,
  versionNumber: number,
  analyst: Actor,
): Promise<ReportPrintInput> {
  const records = await reportCaseRecords(workstation, report.caseId)
  const pictures = await figurePictures(workstation, body, records)
  const thumbnails = await evidenceThumbnails(workstation, records, pictures)
  return assemblePrintInput({
    report,
    body,
    versionNumber,
    analyst,
    records,
    pictures,
    thumbnails,
    printedAt: new Date().toISOString(),
    timeZone: localTimeZone(),
  })
}
