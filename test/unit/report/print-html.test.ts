import { PDFDocument } from '@cantoo/pdf-lib'
import { type ReportPrintInput, reportPrintHtml } from '@shared/formats/report/print-html'
import type { ReportDocument } from '@shared/formats/report/report-document'
import { printReport, tocPagesFromOutline } from '@shared/formats/report/report-pdf'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { reportCase, reportPhoto } from '../fixtures/report'

const document: ReportDocument = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Summary' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The shopper ' },
        { type: 'text', text: 'called from 555-0142', marks: [{ type: 'redaction' }] },
        { type: 'text', text: ' and <script>alert(1)</script> apologised, see ' },
        { type: 'evidenceReference', attrs: { evidenceId: 'item-1', exhibit: 'E-1' } },
        { type: 'text', text: '.' },
      ],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What the photo shows' }] },
    {
      type: 'exhibitFigure',
      attrs: { evidenceId: 'item-1', exhibit: 'E-1', caption: 'The mailbox after the visit' },
    },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(2)' } }] },
      ],
    },
  ],
}

const input: ReportPrintInput = {
  caseRecord: reportCase,
  title: 'Investigation report',
  status: 'draft',
  versionNumber: 3,
  analyst,
  createdAt: '2026-11-24T11:00:00.000Z',
  printedAt: '2026-11-25T15:30:00.000Z',
  timeZone: 'UTC',
  document,
  exhibits: {
    'item-1': {
      item: reportPhoto,
      sourceName: 'Luis Ortega',
      image: {
        dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
        width: 1200,
        height: 900,
        marks: 2,
        redactions: 1,
      },
    },
  },
  tocPages: [3, 4],
}

describe('the report print document', () => {
  const html = reportPrintHtml(input)

  it('has a cover with the case facts and the confidentiality line', () => {
    for (const fact of [
      'CR-2026-000042',
      'Mailbox knocked over at drop-off',
      'Property damage',
      'S3',
      'Riley Chen',
      'Draft (version 3)',
      'Confidential — Trust &amp; Safety',
    ])
      expect(html).toContain(fact)
  })

  it('lists the headings in the table of contents with their pages, linked to them', () => {
    expect(html).toMatch(/<a href="#section-0" class="title">Summary<\/a><span class="page">3<\/span>/)
    expect(html).toMatch(
      /<a href="#section-1" class="title">What the photo shows<\/a><span class="page">4<\/span>/,
    )
    expect(html).toContain('<h2 id="section-0">Summary</h2>')
  })

  it('leaves redacted words out entirely, putting a bar in their place', () => {
    expect(html).not.toContain('555-0142')
    expect(html).not.toContain('called from')
    expect(html).toContain('class="redacted"')
  })

  it('escapes everything the analyst typed and never links to scripts', () => {
    expect(html).not.toContain('<script>')
    // A long token carries break opportunities (<wbr>), which are markup of ours, not text.
    expect(html.replaceAll('<wbr>', '')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('href="javascript')
    expect(html).toContain('Link (javascript:alert(2))')
  })

  it('shows each exhibit with its picture, number, caption, hash and acquisition', () => {
    expect(html).toContain('<strong>Exhibit E-1</strong> — The mailbox after the visit')
    expect(html.replaceAll('<wbr>', '')).toContain(reportPhoto.sha256)
    expect(html).toContain('Nov 24, 2026, 9:30 AM')
    expect(html).toContain('annotated rendering: 2 marks, 1 redaction burned in')
    expect(html).toContain('<span class="exhibit-ref">Exhibit E-1</span>')
  })

  it('carries the running header, page x of y, and a DRAFT watermark unless final', () => {
    expect(html).toContain('@top-left { content: "CR-2026-000042"')
    expect(html).toContain('content: "Page " counter(page) " of " counter(pages)')
    expect(html).toContain('>DRAFT</div>')
    expect(reportPrintHtml({ ...input, status: 'final' })).not.toContain('>DRAFT</div>')
  })

  it('draws pictures as empty stand-ins of the same size for the page-finding first printing', () => {
    const standIns = reportPrintHtml({ ...input, pictureStandIns: true })
    expect(standIns).not.toContain('iVBORw0KGgo=')
    expect(standIns).toContain(
      `src="data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"/>')}" width="1200" height="900"`,
    )
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo=" width="1200" height="900"')
  })

  it('prints a case table with its rows escaped and the evidence hashes given room', () => {
    const table = reportPrintHtml({
      ...input,
      document: {
        type: 'doc',
        content: [
          {
            type: 'caseTable',
            attrs: {
              source: 'evidence',
              refreshedAt: '2026-11-24T11:00:00.000Z',
              columns: ['Exhibit', 'File', 'SHA-256'],
              rows: [['E-1', '<b>mailbox</b>.jpg', 'ab'.repeat(32)]],
            },
          },
        ],
      },
    })
    expect(table).toContain('<table class="case-table case-table-evidence">')
    expect(table).toContain('<td>&lt;b&gt;mailbox&lt;/b&gt;.jpg</td>')
    expect(table).toContain('From the case records on Nov 24, 2026, 11:00 AM.')
  })

  it('loads nothing from outside: its policy allows inline images and styles only', () => {
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`)
  })
})

describe('printing a report', () => {
  it('matches the table of contents to the outline in order, skipping the cover', () => {
    const outline = [
      { title: 'Investigation report', page: 1 },
      { title: 'Contents', page: 2 },
      { title: 'Summary', page: 3 },
      { title: 'Evidence', page: 4 },
      { title: 'Evidence', page: 6 },
    ]
    expect(tocPagesFromOutline(['Summary', 'Evidence', 'Evidence'], outline)).toEqual([3, 4, 6])
  })

  it('prints twice, the second time with page numbers, and writes author, subject and keywords', async () => {
    const printed: string[] = []
    const print = async (html: string) => {
      printed.push(html)
      const pdf = await PDFDocument.create()
      pdf.addPage()
      return pdf.save()
    }
    const readOutline = async () => [
      { title: 'Summary', page: 3 },
      { title: 'What the photo shows', page: 5 },
    ]
    const result = await printReport({ ...input, tocPages: null }, print, readOutline)
    expect(printed).toHaveLength(2)
    expect(printed[0]).toContain('<span class="page"></span>')
    expect(result.tocPages).toEqual([3, 5])
    expect(printed[1]).toContain('Summary</a><span class="page">3</span>')
    const pdf = await PDFDocument.load(result.pdf)
    expect(pdf.getTitle()).toBe('CR-2026-000042 — Investigation report')
    expect(pdf.getAuthor()).toBe('Riley Chen')
    expect(pdf.getSubject()).toBe('Investigation report, Property damage, draft')
    expect(pdf.getKeywords()).toContain('CR-2026-000042')
  })
})
