import { type Actor, exhibitLabel, isPageMark, type Report } from '../../../../shared/domain'
import { isViewableImage } from '../../../../shared/evidence/content-type'
import type { PrintExhibit, ReportPrintInput } from '../../../../shared/report/print-html'
import {
  type ReportCaseRecords,
  type ReportDocument,
  reportNodes,
} from '../../../../shared/report/report-document'
import { repositories } from '../../db/instance'
import { renderAnnotatedImage } from '../annotations/annotated-rendering'

/** Exhibit pictures are printed at most this many pixels on their long side: sharp on paper, small in the PDF. */
const PRINT_IMAGE_EDGE = 1600

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

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000))
  return `data:${blob.type};base64,${btoa(binary)}`
}

/** The picture as printed: downscaled, as JPEG (its marks are already burned in when it has any). */
async function printImage(picture: Blob): Promise<string> {
  const bitmap = await createImageBitmap(picture, { imageOrientation: 'from-image' })
  const scale = Math.min(1, PRINT_IMAGE_EDGE / Math.max(bitmap.width, bitmap.height))
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale))
  const context = canvas.getContext('2d')!
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  return dataUrl(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.88 }))
}

/** Every exhibit the report shows as a figure, with its picture (annotated rendering when marked). */
async function printExhibits(
  document: ReportDocument,
  records: ReportCaseRecords,
): Promise<Record<string, PrintExhibit>> {
  const exhibits: Record<string, PrintExhibit> = {}
  for (const node of reportNodes(document)) {
    const evidenceId = node.type === 'exhibitFigure' ? String(node.attrs?.evidenceId ?? '') : ''
    if (!evidenceId || exhibits[evidenceId]) continue
    const item = records.evidence.find((candidate) => candidate.id === evidenceId)
    if (!item) continue
    const sourceName = records.parties.find((party) => party.id === item.sourcePartyId)?.name ?? ''
    let image: PrintExhibit['image'] = null
    const blob = isViewableImage(item.detectedType)
      ? await repositories.evidence.getBlob(item.sha256)
      : undefined
    if (blob) {
      const marks = (await repositories.annotations.listForEvidence(item.id))
        .filter(isPageMark)
        .filter((mark) => mark.page === null)
      try {
        const picture = marks.length
          ? new Blob([(await renderAnnotatedImage(blob, marks)).png as Uint8Array<ArrayBuffer>], {
              type: 'image/png',
            })
          : blob
        image = {
          dataUrl: await printImage(picture),
          marks: marks.length,
          redactions: marks.filter((mark) => mark.kind === 'redaction').length,
        }
      } catch {
        throw new Error(
          `The picture of ${exhibitLabel(item.exhibitNumber)} cannot be drawn (a damaged file?). Remove its figure or replace it.`,
        )
      }
    }
    exhibits[evidenceId] = { item, sourceName, image }
  }
  return exhibits
}

/** Everything the print document is built from, for one version of the report. */
export async function reportPrintInput(
  report: Report,
  body: ReportDocument,
  versionNumber: number,
  analyst: Actor,
): Promise<ReportPrintInput> {
  const records = await reportCaseRecords(report.caseId)
  return {
    caseRecord: records.case,
    title: report.title,
    status: report.status,
    versionNumber,
    analyst,
    createdAt: report.createdAt,
    printedAt: new Date().toISOString(),
    timeZone: localTimeZone(),
    document: body,
    exhibits: await printExhibits(body, records),
    tocPages: null,
  }
}
