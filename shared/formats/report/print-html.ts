import type { Actor, Case, Evidence, ReportStatus } from '../../domain'
import { categoryLabel, exhibitLabel, REPORT_STATUS_LABELS, SEVERITY_INFO } from '../../domain'
import { formatReportTime } from '../../printed-time'
import { showUntrustedLines } from '../../untrusted-text'
import { escapeHtml, printDocument } from '../print-document'
import { breakableHtml } from './line-breaks'
import {
  nodeText,
  type ReportDocument,
  type ReportMark,
  type ReportNode,
  reportHeadings,
} from './report-document'

/** An exhibit as the printed report shows it: its record, and the picture when it is an image. */
export interface PrintExhibit {
  item: Evidence
  sourceName: string
  /** A data: URL of the image, or of its burned-in rendering when it has marks; null for other files. */
  image: { dataUrl: string; width: number; height: number; marks: number; redactions: number } | null
}

/** A small picture of a photo exhibit for the evidence index: marks and redactions burned in, as JPEG. */
export interface PrintThumbnail {
  dataUrl: string
  width: number
  height: number
}

export interface ReportPrintInput {
  caseRecord: Case
  title: string
  status: ReportStatus
  versionNumber: number
  analyst: Actor
  createdAt: string
  printedAt: string
  timeZone: string
  document: ReportDocument
  exhibits: Record<string, PrintExhibit>
  /**
   * The evidence index's pictures, by exhibit label ("E-3"): every photo in the case, figure or not.
   * Absent in print inputs made before thumbnails existed.
   */
  thumbnails?: Record<string, PrintThumbnail>
  /** The page each table-of-contents heading starts on, from a first printing; null on that first one. */
  tocPages: number[] | null
  /**
   * Pictures drawn as empty stand-ins of the same size: the layout (so every page break) is the
   * same, and the first printing, which only finds the pages, is quick.
   */
  pictureStandIns?: boolean
}

/** Text for a paragraph or a table cell: escaped, long tokens breakable, line breaks kept. */
const printedText = (value: unknown) =>
  breakableHtml(showUntrustedLines(String(value ?? '')), escapeHtml).replace(/\n/g, '<br>')

const attr = (node: ReportNode, name: string) => node.attrs?.[name]
const text = (node: ReportNode, name: string) => {
  const value = attr(node, name)
  return typeof value === 'string' ? value : ''
}
const isRedacted = (marks: readonly ReportMark[] | undefined) =>
  marks?.some((mark) => mark.type === 'redaction')

/** A solid bar as wide as the hidden words: nothing of them is in the document, so none is in the PDF. */
function redactionBar(length: number): string {
  return `<span class="redacted" style="width:${Math.max(2, Math.min(60, length))}ch" role="img" aria-label="redacted"></span>`
}

function markedText(value: string, marks: readonly ReportMark[] = []): string {
  if (isRedacted(marks)) return redactionBar(value.length)
  let html = printedText(value)
  for (const mark of marks) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`
    else if (mark.type === 'italic') html = `<em>${html}</em>`
    else if (mark.type === 'underline') html = `<u>${html}</u>`
    else if (mark.type === 'strike') html = `<s>${html}</s>`
    else if (mark.type === 'code') html = `<code>${html}</code>`
    else if (mark.type === 'link') {
      const href = String(mark.attrs?.href ?? '')
      // Only web and mail links become links; the PDF never loads anything.
      html = /^(https?:|mailto:)/i.test(href)
        ? `<a href="${escapeHtml(href)}">${html}</a>`
        : `${html} (${escapeHtml(href)})`
    }
  }
  return html
}

/** An empty picture of the given size (an SVG with nothing in it). */
const standIn = (width: number, height: number) =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width)}" height="${Math.round(height)}"/>`)}`

function exhibitFigure(node: ReportNode, input: ReportPrintInput): string {
  const exhibit = input.exhibits[text(node, 'evidenceId')]
  if (!exhibit) return `<p class="missing">An exhibit cited here is no longer in the case.</p>`
  const { item, image } = exhibit
  const label = exhibitLabel(item.exhibitNumber)
  const caption = text(node, 'caption')
  const facts: Array<[string, string]> = [
    ['File', item.originalName],
    ['SHA-256', item.sha256],
    ['Type', item.detectedType],
    ['Acquired', formatReportTime(item.acquiredAt, input.timeZone)],
    ['Source', exhibit.sourceName || 'not recorded'],
    ['Imported by', `${item.importedBy.name}, ${formatReportTime(item.importedAt, input.timeZone)}`],
  ]
  if (image?.marks)
    facts.push([
      'Shown',
      `annotated rendering: ${image.marks} mark${image.marks === 1 ? '' : 's'}, ${image.redactions} redaction${image.redactions === 1 ? '' : 's'} burned in; the original is unchanged`,
    ])
  // A photo the image check found incomplete or damaged says so in its caption, with the reason.
  const damage = item.damage
    ? ` <strong class="damage">(${escapeHtml(item.damage.kind.toUpperCase())}: ${escapeHtml(item.damage.detail)})</strong>`
    : ''
  if (item.damage && !image) facts.push(['Shown', 'no picture: nothing of this file can be drawn'])
  return `<figure class="exhibit" id="exhibit-${escapeHtml(label)}">
${image ? `<img src="${escapeHtml(input.pictureStandIns ? standIn(image.width, image.height) : image.dataUrl)}" width="${Math.round(image.width)}" height="${Math.round(image.height)}" alt="${escapeHtml(`${label} ${caption}`)}">` : ''}
<figcaption><strong>Exhibit ${escapeHtml(label)}</strong>${caption ? ` — ${escapeHtml(caption)}` : ''}${damage}</figcaption>
<dl>${facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd${name === 'SHA-256' ? ' class="hash"' : ''}>${printedText(value)}</dd>`).join('')}</dl>
</figure>`
}

/** The evidence index's exhibit cell: the label, and under it the photo's thumbnail when it has one. */
function exhibitCell(label: unknown, input: ReportPrintInput): string {
  const thumbnail = typeof label === 'string' ? input.thumbnails?.[label] : undefined
  if (!thumbnail) return printedText(label)
  const src = input.pictureStandIns ? standIn(thumbnail.width, thumbnail.height) : thumbnail.dataUrl
  return `${printedText(label)}<img class="thumbnail" src="${escapeHtml(src)}" width="${Math.round(thumbnail.width)}" height="${Math.round(thumbnail.height)}" alt="${escapeHtml(`Exhibit ${label}`)}">`
}

function caseTable(node: ReportNode, input: ReportPrintInput): string {
  const columns = (attr(node, 'columns') as unknown[] | undefined) ?? []
  const rows = (attr(node, 'rows') as unknown[][] | undefined) ?? []
  const refreshed = text(node, 'refreshedAt')
  const source = text(node, 'source').replace(/[^a-z]/g, '')
  const cellHtml = (cell: unknown, column: number) =>
    source === 'evidence' && column === 0 ? exhibitCell(cell, input) : printedText(cell)
  return `<table class="case-table case-table-${source}"><thead><tr>${columns.map((column) => `<th>${printedText(column)}</th>`).join('')}</tr></thead>
<tbody>${rows.length ? rows.map((row) => `<tr>${(Array.isArray(row) ? row : []).map((cell, column) => `<td>${cellHtml(cell, column)}</td>`).join('')}</tr>`).join('') : `<tr><td colspan="${Math.max(1, columns.length)}">None recorded.</td></tr>`}</tbody></table>
${refreshed ? `<p class="table-note">From the case records on ${escapeHtml(formatReportTime(refreshed, input.timeZone))}.</p>` : ''}`
}

function renderNode(node: ReportNode, input: ReportPrintInput, headingIndex: { next: number }): string {
  const children = () => (node.content ?? []).map((child) => renderNode(child, input, headingIndex)).join('')
  switch (node.type) {
    case 'doc':
      return children()
    case 'text':
      return markedText(node.text ?? '', node.marks)
    case 'paragraph':
      return `<p>${children()}</p>`
    case 'heading': {
      const level = Math.min(3, Math.max(1, Number(attr(node, 'level') ?? 1)))
      const inToc = level <= 2 && nodeText(node).trim() !== ''
      const id = inToc ? ` id="section-${headingIndex.next++}"` : ''
      return `<h${level + 1}${id}>${children()}</h${level + 1}>`
    }
    case 'bulletList':
      return `<ul>${children()}</ul>`
    case 'orderedList':
      return `<ol>${children()}</ol>`
    case 'listItem':
      return `<li>${children()}</li>`
    case 'blockquote':
      return `<blockquote>${children()}</blockquote>`
    case 'horizontalRule':
      return '<hr>'
    case 'hardBreak':
      return '<br>'
    case 'table':
      return `<table class="analyst-table"><tbody>${children()}</tbody></table>`
    case 'tableRow':
      return `<tr>${children()}</tr>`
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td'
      const span = (name: string) => {
        const value = Number(attr(node, name) ?? 1)
        return Number.isInteger(value) && value > 1 && value < 100 ? ` ${name}="${value}"` : ''
      }
      return `<${tag}${span('colspan')}${span('rowspan')}>${children()}</${tag}>`
    }
    case 'evidenceReference': {
      const label = text(node, 'exhibit')
      return isRedacted(node.marks)
        ? redactionBar(label.length + 8)
        : `<span class="exhibit-ref">Exhibit ${escapeHtml(label)}</span>`
    }
    case 'partyMention': {
      const name = text(node, 'name')
      return isRedacted(node.marks)
        ? redactionBar(name.length)
        : `<span class="party">${escapeHtml(name)}</span>`
    }
    case 'policyClause': {
      const label = [text(node, 'clauseId'), text(node, 'title')].filter(Boolean).join(' ')
      return isRedacted(node.marks)
        ? redactionBar(label.length)
        : `<span class="clause">${escapeHtml(label)}</span>`
    }
    case 'exhibitFigure':
      return exhibitFigure(node, input)
    case 'caseTable':
      return caseTable(node, input)
  }
}

/** The print style sheet; `runningHeader` (the case number) runs in every page's header. */
export const printStyleSheet = (runningHeader: string) => `
@page { size: Letter; margin: 22mm 18mm 20mm;
  @top-left { content: "${runningHeader.replace(/[^A-Za-z0-9 -]/g, '')}"; font: 9pt Arial, "Liberation Sans", sans-serif; color: #555; }
  @top-right { content: "Confidential — Trust & Safety"; font: 9pt Arial, "Liberation Sans", sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, "Liberation Sans", sans-serif; color: #555; } }
html { font: 10.5pt/1.45 Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #1a1a1a; }
body { margin: 0; }
h1, h2, h3, h4 { break-after: avoid; }
h2 { font-size: 15pt; border-bottom: 1px solid #999; padding-bottom: 2pt; margin: 18pt 0 6pt; }
h3 { font-size: 12.5pt; margin: 14pt 0 4pt; }
h4 { font-size: 11pt; margin: 12pt 0 4pt; }
.cover { break-after: page; padding-top: 30mm; }
.cover .org { font-size: 10pt; letter-spacing: 0.08em; text-transform: uppercase; color: #555; }
.cover h1 { font-size: 24pt; margin: 8pt 0 4pt; }
.cover .case-title { font-size: 14pt; margin: 0 0 18pt; }
.cover dl { display: grid; grid-template-columns: 40mm auto; gap: 3pt 8pt; }
.cover dt { color: #555; }
.cover dd { margin: 0; }
.cover .confidential { margin-top: 30mm; font-size: 14pt; font-weight: bold; border: 2px solid #1a1a1a; padding: 6pt 10pt; display: inline-block; }
.toc { break-after: page; }
.toc ol { list-style: none; padding: 0; }
.toc li { display: flex; gap: 4pt; margin: 3pt 0; }
.toc li.level-2 { padding-left: 8mm; }
.toc .title { flex: 1; display: flex; }
.toc .title::after { content: ""; flex: 1; border-bottom: 1px dotted #888; margin: 0 4pt 3pt; }
.toc .page { min-width: 8mm; text-align: right; }
.toc a { color: inherit; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 9pt; }
/* Words never break inside: long tokens carry their own break points (line-breaks.ts). */
th, td { border: 1px solid #bbb; padding: 3pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
th { background: #eee; }
tr { break-inside: avoid; }
.table-note { font-size: 8pt; color: #666; margin: 0 0 8pt; }
/* The evidence list's hashes are long: give them room, in a face where every character is distinct. */
.case-table-evidence td:last-child { width: 42%; font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt; }
/* A thumbnail is at most 240 px on its long side: about 280 dpi at this size. */
.case-table img.thumbnail { display: block; width: auto; height: auto; max-width: 22mm; max-height: 22mm; margin-top: 2pt; }
figure.exhibit { break-inside: avoid; margin: 10pt 0; border: 1px solid #bbb; padding: 6pt; }
figure.exhibit img { display: block; max-width: 100%; max-height: 70mm; width: auto; height: auto; object-fit: contain; margin: 0 auto 6pt; }
figure.exhibit dl { display: grid; grid-template-columns: 25mm auto; gap: 1pt 6pt; font-size: 8.5pt; margin: 4pt 0 0; }
figure.exhibit dt { color: #555; }
figure.exhibit dd { margin: 0; overflow-wrap: break-word; hyphens: manual; }
.hash { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt; }
.redacted { display: inline-block; height: 1em; vertical-align: -0.15em; background: #000; }
.exhibit-ref, .party, .clause { font-weight: bold; }
blockquote { border-left: 3px solid #bbb; margin: 6pt 0; padding-left: 8pt; color: #333; }
.missing { color: #a00; }
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold;
  color: rgba(180, 0, 0, 0.1); transform: rotate(-30deg); z-index: -1; }
`

/**
 * The report as one self-contained print document (no scripts, no remote loads, images inline):
 * a cover, the table of contents (with page numbers from a first printing), the body with redacted
 * text replaced by bars, and a DRAFT watermark on every page unless the report is final. Page size,
 * running header and "page x of y" are CSS page margin boxes, printed by Chromium itself.
 */
export function reportPrintHtml(input: ReportPrintInput): string {
  const record = input.caseRecord
  const headings = reportHeadings(input.document)
  const when = (iso: string) => formatReportTime(iso, input.timeZone)
  const cover: Array<[string, string]> = [
    ['Case', record.caseNumber],
    ['Category', categoryLabel(record.category)],
    ['Severity', SEVERITY_INFO[record.severity].label],
    ['Analyst', input.analyst.name],
    ['Case opened', when(record.createdAt)],
    ['Report started', when(input.createdAt)],
    ['Printed', when(input.printedAt)],
    ['Status', `${REPORT_STATUS_LABELS[input.status]} (version ${input.versionNumber})`],
  ]
  const toc = headings
    .map(
      (heading, index) =>
        `<li class="level-${heading.level}"><a href="#section-${index}" class="title">${escapeHtml(heading.text)}</a><span class="page">${input.tocPages?.[index] ?? ''}</span></li>`,
    )
    .join('')
  return printDocument({
    title: `${record.caseNumber} — ${input.title}`,
    css: printStyleSheet(record.caseNumber),
    body: `${input.status === 'final' ? '' : '<div class="watermark" aria-hidden="true">DRAFT</div>'}
<section class="cover">
<div class="org">Trust &amp; Safety · Critical Response</div>
<h1>${escapeHtml(input.title)}</h1>
<p class="case-title">${escapeHtml(record.title)}</p>
<dl>${cover.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<div class="confidential">Confidential — Trust &amp; Safety</div>
</section>
<nav class="toc"><h2>Contents</h2><ol>${toc}</ol></nav>
<main>${renderNode(input.document as ReportNode, input, { next: 0 })}</main>`,
  })
}
