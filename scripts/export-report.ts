// `npm run export-report -- <bundle.zip> <case-number> <out.pdf>`: prints a case's report from a case
// bundle to PDF with the same print pipeline as the app (Chromium's print engine, two passes for the
// contents' page numbers, exhibits with their marks and redactions burned in). Exit 0 on success,
// 1 when the case or its report is not in the bundle, 2 when the bundle cannot be read.
import { writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isPageMark } from '@shared/domain'
import { readCaseBundle } from '@shared/formats/bundle/read'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import type { PrintExhibit, PrintThumbnail } from '@shared/formats/report/print-html'
import { assemblePrintInput, figureEvidenceIds, thumbnailEvidence } from '@shared/formats/report/print-input'
import type { ReportDocument } from '@shared/formats/report/report-document'
import { printReport } from '@shared/formats/report/report-pdf'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { createReportPrinter } from '@web-host/report-printer'
import { readPdf } from './lib/pdf-reader'
import { createPicturePreparer } from './lib/print-pictures'

const [bundlePath, caseNumber, outPath] = process.argv.slice(2)
if (!bundlePath || !caseNumber || !outPath) {
  console.error('Usage: npm run export-report -- <bundle.zip> <case-number> <out.pdf>')
  process.exit(2)
}
const fail = (code: number, message: string): never => {
  console.error(message)
  process.exit(code)
}

const bytes = await readFile(bundlePath).catch((error) =>
  fail(2, `Cannot read ${bundlePath}: ${error.message}`),
)
const read = await readCaseBundle(new Uint8Array(bytes))
if (!read.ok) fail(2, read.error)
const { caseFiles, evidenceFiles } = read.ok ? read.bundle : fail(2, 'unreadable')
const caseFile = caseFiles.find((file) => file.case.caseNumber === caseNumber)
if (!caseFile)
  fail(
    1,
    `${caseNumber} is not in this bundle (it holds ${caseFiles.map((file) => file.case.caseNumber).join(', ') || 'no cases'}).`,
  )
const report = [...caseFile!.reports].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
if (!report) fail(1, `${caseNumber} has no report yet.`)

const body = report!.body as ReportDocument
const versions = caseFile!.reportVersions
  .filter((version) => version.reportId === report!.id)
  .sort((a, b) => a.number - b.number)
const latest = versions.at(-1)
// The text as it stands: the latest version's number when that version holds this very text.
const versionNumber =
  latest && JSON.stringify(latest.body) === JSON.stringify(body) ? latest.number : (latest?.number ?? 0) + 1

const preparer = await createPicturePreparer()
const printer = createReportPrinter()
try {
  const pictures = new Map<string, PrintExhibit['image']>()
  for (const evidenceId of figureEvidenceIds(body)) {
    const item = caseFile!.evidence.find((candidate) => candidate.id === evidenceId)
    const file = item && isViewableImage(item.detectedType) ? evidenceFiles.get(item.sha256) : undefined
    if (!item || !file) continue
    const marks = caseFile!.annotations
      .filter((mark) => mark.evidenceId === item.id)
      .filter(isPageMark)
      .filter((mark) => mark.page === null)
    pictures.set(evidenceId, await preparer.prepare(file, item.detectedType, marks))
  }
  // The evidence index's thumbnails: every photo, marks burned in; a damaged one has none.
  const thumbnails = new Map<string, PrintThumbnail>()
  for (const item of thumbnailEvidence(caseFile!.evidence)) {
    const file = evidenceFiles.get(item.sha256)
    if (!file) continue
    const marks = caseFile!.annotations
      .filter((mark) => mark.evidenceId === item.id)
      .filter(isPageMark)
      .filter((mark) => mark.page === null)
    const thumbnail = await preparer.thumbnail(file, item.detectedType, marks).catch(() => null)
    if (thumbnail) thumbnails.set(item.id, thumbnail)
  }
  const input = assemblePrintInput({
    report: report!,
    body,
    versionNumber,
    analyst: latest?.takenBy ?? report!.createdBy,
    records: {
      case: caseFile!.case,
      parties: caseFile!.parties,
      timeline: caseFile!.timeline,
      evidence: caseFile!.evidence,
      communications: caseFile!.communications,
      determinations: caseFile!.determinations,
      orders: caseFile!.orders,
      claims: caseFile!.claims,
      // Printing uses the tables as the report holds them; the library only names clauses on a refresh.
      policyLibrary: [],
    },
    pictures,
    thumbnails,
    printedAt: new Date().toISOString(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  })
  const { pdf } = await printReport(input, printer.print, async (printed) => (await readPdf(printed)).outline)
  writeFileSync(outPath, pdf)
  const pages = (await readPdf(pdf)).pages.length
  console.info(`Wrote ${outPath}: ${pages} pages, SHA-256 ${(await createSha256Hasher())(pdf)}`)
} finally {
  await Promise.all([preparer.close(), printer.close()])
}
