import { PDFDocument } from '@cantoo/pdf-lib'
import { categoryLabel } from '../../domain'
import { type ReportPrintInput, reportPrintHtml } from './print-html'
import { reportHeadings } from './report-document'

/** Chromium's printer, wherever it runs: Electron's printToPDF, or the web host's headless Chromium. */
export type PrintToPdf = (html: string) => Promise<Uint8Array>

/** One entry of a PDF's outline (bookmarks), flattened in document order, with its 1-based page. */
export interface OutlineEntry {
  title: string
  page: number
}
export type ReadOutline = (pdf: Uint8Array) => Promise<OutlineEntry[]>

/**
 * The page each table-of-contents heading landed on, matched in order against the outline Chromium
 * generated from the headings (the cover and "Contents" come first and are skipped over).
 */
export function tocPagesFromOutline(headings: readonly string[], outline: readonly OutlineEntry[]): number[] {
  const pages: number[] = []
  let from = 0
  for (const heading of headings) {
    const wanted = heading.replace(/\s+/g, ' ').trim()
    const index = outline.findIndex(
      (entry, at) => at >= from && entry.title.replace(/\s+/g, ' ').trim() === wanted,
    )
    if (index < 0) {
      pages.push(pages.at(-1) ?? 1)
      continue
    }
    pages.push(outline[index]!.page)
    from = index + 1
  }
  return pages
}

export interface PrintedReport {
  pdf: Uint8Array
  html: string
  tocPages: number[]
}

/**
 * Prints the report in two passes (the first, with stand-ins for the pictures, finds the page of
 * every heading; the second prints the table of contents with those pages) and writes the document
 * properties Chromium leaves out (author, subject, keywords). Bookmarks come from Chromium's outline
 * of the headings.
 */
export async function printReport(
  input: ReportPrintInput,
  print: PrintToPdf,
  readOutline: ReadOutline,
): Promise<PrintedReport> {
  const first = await print(reportPrintHtml({ ...input, tocPages: null, pictureStandIns: true }))
  const headings = reportHeadings(input.document).map((heading) => heading.text)
  const tocPages = tocPagesFromOutline(headings, await readOutline(first))
  const html = reportPrintHtml({ ...input, tocPages })
  // An incremental update: the printed bytes stay as Chromium wrote them, the properties are appended.
  const printed = await PDFDocument.load(await print(html), {
    updateMetadata: false,
    forIncrementalUpdate: true,
  })
  printed.setTitle(`${input.caseRecord.caseNumber} — ${input.title}`)
  printed.setAuthor(input.analyst.name)
  printed.setSubject(
    `Investigation report, ${categoryLabel(input.caseRecord.category)}, ${input.status.replace('_', ' ')}`,
  )
  printed.setKeywords([input.caseRecord.caseNumber, 'Trust & Safety', 'confidential'])
  printed.setCreator('Critical Response Workstation')
  printed.setProducer('Chromium')
  printed.setCreationDate(new Date(input.printedAt))
  printed.setModificationDate(new Date(input.printedAt))
  return { pdf: await printed.commit(), html, tocPages }
}
