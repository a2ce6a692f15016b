import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readPdf } from '@scripts/lib/pdf-reader'
import { createPicturePreparer } from '@scripts/lib/print-pictures'
import type { Evidence, PageMark, Party } from '@shared/domain'
import { assemblePrintInput } from '@shared/formats/report/print-input'
import { newReportDocument, type ReportNode } from '@shared/formats/report/report-document'
import { printReport } from '@shared/formats/report/report-pdf'
import { createReportPrinter } from '@web-host/report-printer'
import { decode, encode } from 'jpeg-js'
import { afterAll, describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { records, reportCase, reportParty, reportPhoto } from '../fixtures/report'

const printer = createReportPrinter()
afterAll(() => printer.close())

describe('a report printed by Chromium', () => {
  it('has a cover, contents with real page numbers, running header, page x of y, and no redacted words', async () => {
    const document = newReportDocument(records, 'UTC', '2026-11-24T11:00:00.000Z')
    const findings = document.content!.findIndex(
      (node) => node.type === 'heading' && JSON.stringify(node).includes('Findings'),
    )
    const long: ReportNode[] = Array.from({ length: 40 }, (_, index) => ({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: `Finding detail ${index + 1}: the shopper reversed into the mailbox post at the end of the drive.`,
        },
      ],
    }))
    const redacted: ReportNode = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The shopper can be reached on ' },
        { type: 'text', text: '555-0142 extension 9', marks: [{ type: 'redaction' }] },
        { type: 'text', text: ' during the day.' },
      ],
    }
    document.content!.splice(findings + 1, 0, ...long, redacted)
    const result = await printReport(
      {
        caseRecord: reportCase,
        title: 'Investigation report',
        status: 'draft',
        versionNumber: 1,
        analyst,
        createdAt: '2026-11-24T11:00:00.000Z',
        printedAt: '2026-11-25T15:30:00.000Z',
        timeZone: 'UTC',
        document,
        exhibits: { [reportPhoto.id]: { item: reportPhoto, sourceName: 'Luis Ortega', image: null } },
        tocPages: null,
      },
      printer.print,
      async (pdf) => (await readPdf(pdf)).outline,
    )
    const pdf = await readPdf(result.pdf)
    const pages = pdf.pages
    expect(pages.length).toBeGreaterThanOrEqual(4)
    expect(pages[0]).toContain('Confidential — Trust & Safety')
    expect(pages[0]).toContain('CR-2026-000042')
    expect(pages[1]).toContain('Contents')
    // Each page says which of how many it is, and carries the case number in its header.
    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(text).toContain('CR-2026-000042')
      expect(text).toContain('DRAFT')
    })
    // The contents give the page each section starts on, and that is where it is.
    const findingsPage = result.tocPages[5]!
    expect(findingsPage).toBeGreaterThan(2)
    expect(pages[findingsPage - 1]).toMatch(/Findings/)
    expect(pages[1]).toMatch(new RegExp(`Findings\\s*${findingsPage}`))
    // Redacted words are nowhere in the text.
    const all = pages.join('\n')
    expect(all).toContain('The shopper can be reached on')
    expect(all).not.toContain('555-0142 extension')
    expect(pdf.info.Author).toBe('Riley Chen')
    expect(pdf.info.Subject).toBe('Investigation report, Property damage, draft')
    expect(pdf.outline.map((entry) => entry.title)).toContain('Policy analysis')
  }, 60_000)
})

/** A photo of one colour (RGB), as JPEG bytes. */
function plainPhoto(width: number, height: number, colour: [number, number, number]): Uint8Array {
  const pixels = Buffer.alloc(width * height * 4)
  for (let offset = 0; offset < pixels.length; offset += 4) pixels.set([...colour, 255], offset)
  return new Uint8Array(encode({ data: pixels, width, height }, 90).data)
}

/** A crowded parties table: the Role column is squeezed by long names, ids and contacts. */
const parties: Party[] = (['customer', 'shopper', 'retailer', 'witness'] as const).map((role, index) => ({
  ...reportParty,
  id: `party-${index + 1}`,
  role,
  name: `${['Dana', 'Luis', 'Priya', 'Tomasz'][index]} Okafor-Lindqvist`,
  accountId: `ACCT-${index}-7f3a9c21e4b5d8061f2a`,
  contact: {
    phone: '+1 555 0142 0199',
    email: `first.middle.last.${role}@subsidiary.example-marketplace.com`,
    address: '1234 Extraordinarily Longnamed Boulevard, Apartment 56, Springfield Township',
  },
}))

describe("a printed report's tables and evidence index", () => {
  it('breaks words only between words, and gives every photo a thumbnail with its redaction burned in', async () => {
    const red: Evidence = { ...reportPhoto, id: 'item-red', exhibitNumber: 1, originalName: 'porch.jpg' }
    const blue: Evidence = { ...reportPhoto, id: 'item-blue', exhibitNumber: 2, originalName: 'gate.jpg' }
    const caseRecords = { ...records, parties, evidence: [red, blue] }
    // The right half of the red photo is redacted. Neither photo is a figure of the report.
    const redaction: PageMark = {
      id: 'mark-1',
      caseId: reportCase.id,
      evidenceId: red.id,
      kind: 'redaction',
      page: null,
      x: 0.5,
      y: 0,
      width: 0.5,
      height: 1,
      createdAt: '2026-11-24T10:10:00.000Z',
      createdBy: analyst,
    }
    const preparer = await createPicturePreparer()
    const thumbnails = new Map([
      [red.id, await preparer.thumbnail(plainPhoto(800, 600, [220, 30, 30]), 'image/jpeg', [redaction])],
      [blue.id, await preparer.thumbnail(plainPhoto(600, 800, [30, 30, 220]), 'image/jpeg', [])],
    ])
    await preparer.close()
    expect([...thumbnails.values()].map(({ width, height }) => [width, height])).toEqual([
      [240, 180],
      [180, 240],
    ])

    const body = newReportDocument(caseRecords, 'UTC', '2026-11-24T11:00:00.000Z')
    const input = assemblePrintInput({
      report: {
        title: 'Investigation report',
        status: 'draft',
        createdAt: '2026-11-24T11:00:00.000Z',
      } as never,
      body,
      versionNumber: 1,
      analyst,
      records: caseRecords,
      pictures: new Map(),
      thumbnails,
      printedAt: '2026-11-25T15:30:00.000Z',
      timeZone: 'UTC',
    })
    const { pdf: bytes } = await printReport(
      input,
      printer.print,
      async (pdf) => (await readPdf(pdf)).outline,
    )
    const text = (await readPdf(bytes)).pages.join('\n')

    // Every word of the crowded parties table is whole in the PDF's text ("Customer", not "Custome r"):
    // the role words are in the Role column only. (A line may still break after a word's hyphen.)
    const words = parties
      .flatMap((party) => [party.name, party.contact.address])
      .join(' ')
      .split(/[\s,-]+/)
      .filter(Boolean)
    for (const word of ['Customer', 'Shopper', 'Retailer', 'Witness', ...words])
      expect(text, word).toContain(word)
    // Long tokens break at their own points: the address and the hash read whole once the breaks go.
    const joined = text.replace(/\s+/g, '')
    expect(joined).toContain('first.middle.last.customer@subsidiary.example-marketplace.com')
    expect(joined).toContain(reportPhoto.sha256)

    // Two pictures in the PDF, the thumbnails; the red one is black where it was redacted.
    const folder = mkdtempSync(join(tmpdir(), 'report-thumbnails-'))
    writeFileSync(join(folder, 'report.pdf'), bytes)
    execFileSync('pdfimages', ['-j', join(folder, 'report.pdf'), join(folder, 'image')])
    const images = readdirSync(folder)
      .filter((name) => name.startsWith('image-'))
      .sort()
      .map((name) => decode(readFileSync(join(folder, name)), { useTArray: true }))
    expect(images.map(({ width, height }) => [width, height])).toEqual([
      [240, 180],
      [180, 240],
    ])
    const pixel = (image: (typeof images)[number], x: number, y: number) => {
      const offset = (y * image.width + x) * 4
      return [...image.data.subarray(offset, offset + 3)]
    }
    const [left, right] = [pixel(images[0]!, 60, 90), pixel(images[0]!, 180, 90)]
    expect(left[0]).toBeGreaterThan(180)
    expect(left[2]).toBeLessThan(80)
    for (const channel of right) expect(channel).toBeLessThan(20)
    expect(pixel(images[1]!, 90, 120)[2]).toBeGreaterThan(180)
  }, 120_000)
})
