import type { Evidence, Report } from '@shared/domain'
import { type ReportPrintInput, reportPrintHtml } from '@shared/formats/report/print-html'
import { assemblePrintInput, thumbnailEvidence } from '@shared/formats/report/print-input'
import { newReportDocument } from '@shared/formats/report/report-document'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { records, reportPhoto } from '../fixtures/report'

const chat: Evidence = {
  ...reportPhoto,
  id: 'item-2',
  exhibitNumber: 2,
  originalName: 'chat.csv',
  detectedType: 'text/csv',
}
const removedPhoto: Evidence = {
  ...reportPhoto,
  id: 'item-3',
  exhibitNumber: 3,
  originalName: 'blurry.jpg',
  removed: { at: '2026-11-24T12:00:00.000Z', by: analyst, reason: 'duplicate' },
}
const svg: Evidence = { ...reportPhoto, id: 'item-4', exhibitNumber: 4, detectedType: 'image/svg+xml' }
const evidence = [reportPhoto, chat, removedPhoto, svg]
const thumbnail = { dataUrl: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', width: 240, height: 180 }

describe("the report's evidence index", () => {
  it('gives every photo still in the case a thumbnail, figure or not; not other files, SVGs or removed ones', () => {
    expect(thumbnailEvidence(evidence).map((item) => item.id)).toEqual([reportPhoto.id])
  })

  const caseRecords = { ...records, evidence }
  const body = newReportDocument(caseRecords, 'UTC', '2026-11-24T11:00:00.000Z')
  const input: ReportPrintInput = assemblePrintInput({
    report: {
      title: 'Investigation report',
      status: 'draft',
      createdAt: '2026-11-24T11:00:00.000Z',
    } as Report,
    body,
    versionNumber: 1,
    analyst,
    records: caseRecords,
    // No figure in this report: the thumbnail is there all the same.
    pictures: new Map(),
    thumbnails: new Map([[reportPhoto.id, thumbnail]]),
    printedAt: '2026-11-25T15:30:00.000Z',
    timeZone: 'UTC',
  })

  it('is keyed by the exhibit label the table rows carry', () => {
    expect(input.thumbnails).toEqual({ 'E-1': thumbnail })
    expect(input.exhibits).toEqual({})
  })

  it('prints the thumbnail in the exhibit cell of its row, and none in other rows or tables', () => {
    const html = reportPrintHtml(input)
    const evidenceTable = html.match(/<table class="case-table case-table-evidence">[\s\S]*?<\/table>/)![0]
    expect(evidenceTable).toContain(
      `<td>E-1<img class="thumbnail" src="${thumbnail.dataUrl}" width="240" height="180" alt="Exhibit E-1"></td>`,
    )
    expect(evidenceTable).toContain('<td>E-2</td>')
    expect(html.match(/class="thumbnail"/g)).toHaveLength(1)
    expect(html).toMatch(/\.case-table img\.thumbnail \{[^}]*max-width: 22mm; max-height: 22mm;/)
  })

  it('draws an empty stand-in of the same size in the page-finding first printing', () => {
    const html = reportPrintHtml({ ...input, pictureStandIns: true })
    expect(html).not.toContain(thumbnail.dataUrl)
    expect(html).toContain(
      `src="data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180"/>')}" width="240" height="180"`,
    )
  })
})
