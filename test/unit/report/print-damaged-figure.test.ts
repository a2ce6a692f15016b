import type { Evidence } from '@shared/domain'
import { type ReportPrintInput, reportPrintHtml } from '@shared/formats/report/print-html'
import { caseTable, type ReportDocument } from '@shared/formats/report/report-document'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { records, reportCase, reportPhoto } from '../fixtures/report'

const cutPhoto = {
  ...reportPhoto,
  damage: { kind: 'incomplete' as const, detail: 'the file ends after 16 of 48 rows' },
}

const document: ReportDocument = {
  type: 'doc',
  content: [
    {
      type: 'exhibitFigure',
      attrs: { evidenceId: cutPhoto.id, exhibit: 'E-1', caption: 'The porch at drop-off' },
    },
  ],
}

const printed = (image: ReportPrintInput['exhibits'][string]['image'], item: Evidence = cutPhoto) =>
  reportPrintHtml({
    caseRecord: reportCase,
    title: 'Investigation report',
    status: 'draft',
    versionNumber: 1,
    analyst,
    createdAt: '2026-11-24T11:00:00.000Z',
    printedAt: '2026-11-25T15:30:00.000Z',
    timeZone: 'UTC',
    document,
    exhibits: { [item.id]: { item, sourceName: '', image } },
    tocPages: null,
  })

const picture = { dataUrl: 'data:image/jpeg;base64,/9j/', width: 640, height: 480, marks: 0, redactions: 0 }

describe('a figure of a photo the image check found incomplete', () => {
  it('is marked in its caption, with the reason', () => {
    expect(printed(picture)).toContain(
      '<figcaption><strong>Exhibit E-1</strong> — The porch at drop-off <strong class="damage">(INCOMPLETE: the file ends after 16 of 48 rows)</strong></figcaption>',
    )
  })

  it('says so when nothing of it can be drawn, instead of showing no picture without a word', () => {
    const html = printed(null)
    expect(html).not.toContain('<img')
    expect(html).toContain('no picture: nothing of this file can be drawn')
  })

  it('leaves a sound photo’s caption as it was', () => {
    expect(printed(picture, { ...reportPhoto, damage: null })).toContain(
      '<figcaption><strong>Exhibit E-1</strong> — The porch at drop-off</figcaption>',
    )
  })

  it('is marked in the evidence table too', () => {
    const table = caseTable('evidence', { ...records, evidence: [cutPhoto] }, 'UTC')
    expect(table.rows[0]![2]).toBe('image/jpeg (incomplete: the file ends after 16 of 48 rows)')
  })
})
