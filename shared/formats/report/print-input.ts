import { type Actor, type Evidence, exhibitLabel, type Report } from '../../domain'
import { isViewableImage } from '../evidence/content-type'
import type { PrintExhibit, PrintThumbnail, ReportPrintInput } from './print-html'
import { type ReportCaseRecords, type ReportDocument, reportNodes } from './report-document'

/** The evidence shown as figures in the report, in order, each once. */
export function figureEvidenceIds(document: ReportDocument): string[] {
  const ids: string[] = []
  for (const node of reportNodes(document)) {
    const id = node.type === 'exhibitFigure' ? String(node.attrs?.evidenceId ?? '') : ''
    if (id && !ids.includes(id)) ids.push(id)
  }
  return ids
}

/** The exhibits the evidence index shows a thumbnail of: every photo still in the case. */
export function thumbnailEvidence(evidence: readonly Evidence[]): Evidence[] {
  return evidence.filter((item) => !item.removed && isViewableImage(item.detectedType))
}

/**
 * Everything the print document is built from, for one version of a report. `pictures` holds each
 * figure's image as prepared by the caller (it has the canvas): downscaled, marks burned in;
 * `thumbnails` each photo's small picture for the evidence index, by evidence id, made the same way.
 */
export function assemblePrintInput(input: {
  report: Report
  body: ReportDocument
  versionNumber: number
  analyst: Actor
  records: ReportCaseRecords
  pictures: ReadonlyMap<string, PrintExhibit['image']>
  thumbnails?: ReadonlyMap<string, PrintThumbnail>
  printedAt: string
  timeZone: string
}): ReportPrintInput {
  const exhibits: Record<string, PrintExhibit> = {}
  for (const evidenceId of figureEvidenceIds(input.body)) {
    const item = input.records.evidence.find((candidate) => candidate.id === evidenceId)
    if (!item) continue
    const sourceName = input.records.parties.find((party) => party.id === item.sourcePartyId)?.name ?? ''
    exhibits[evidenceId] = { item, sourceName, image: input.pictures.get(evidenceId) ?? null }
  }
  // The evidence index's rows are by exhibit label (a table keeps its labels, not the ids).
  const thumbnails: Record<string, PrintThumbnail> = {}
  for (const item of input.records.evidence) {
    const thumbnail = input.thumbnails?.get(item.id)
    if (thumbnail) thumbnails[exhibitLabel(item.exhibitNumber)] = thumbnail
  }
  return {
    caseRecord: input.records.case,
    title: input.report.title,
    status: input.report.status,
    versionNumber: input.versionNumber,
    analyst: input.analyst,
    createdAt: input.report.createdAt,
    printedAt: input.printedAt,
    timeZone: input.timeZone,
    document: input.body,
    exhibits,
    thumbnails,
    tocPages: null,
  }
}
