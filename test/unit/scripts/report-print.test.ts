import { afterAll, describe, expect, it } from 'vitest'
import { readPdf } from '../../../scripts/lib/pdf-reader'
import { createReportPrinter } from '../../../scripts/lib/report-printer'
import { newReportDocument, type ReportNode } from '../../../shared/report/report-document'
import { printReport } from '../../../shared/report/report-pdf'
import { analyst } from '../fixtures/case-files'
import { records, reportCase, reportPhoto } from '../fixtures/report'

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
