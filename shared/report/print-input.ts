import type { Actor, Report } from '../domain'
import type { PrintExhibit, ReportPrintInput } from './print-html'
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

/**
 * Everything the print document is built from, for one version of a report. `pictures` holds each
 * figure's image as prepared by the caller (it has the canvas): downscaled, marks burned in.
 */
export function assemblePrintInput(input: {
  report: Report
  body: ReportDocument
  versionNumber: number
  analyst: Actor
  records: ReportCaseRecords
  pictures: ReadonlyMap<string, PrintExhibit['image']>
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
    tocPages: null,
  }
}
