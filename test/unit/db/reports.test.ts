import type { ReportDocument } from '@shared/formats/report/report-document'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const text = (words: string): ReportDocument => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
})

async function draftReport() {
  const record = await openBareCase(ws, 'Mailbox knocked over')
  return ws.repositories.reports.create(
    {
      caseId: record.id,
      title: 'Investigation report',
      templateId: 'property-damage',
      body: text('First words'),
    },
    analyst,
  )
}

describe('reports', () => {
  it('saves the text as it is typed, without an audit line per save', async () => {
    const report = await draftReport()
    ws.clock = '2026-11-24T10:05:00.000Z'
    await ws.repositories.reports.saveBody(report.id, text('Second draft'))
    const saved = await ws.repositories.reports.get(report.id)
    expect(saved?.body).toEqual(text('Second draft'))
    expect(saved?.updatedAt).toBe('2026-11-24T10:05:00.000Z')
    const audit = await ws.repositories.audit.listForCase(report.caseId)
    expect(audit.filter((entry) => entry.entity === 'report').map((entry) => entry.action)).toEqual([
      'create',
    ])
  })

  it('refuses text with node types the editor does not have', async () => {
    const report = await draftReport()
    await expect(
      ws.repositories.reports.saveBody(report.id, { type: 'doc', content: [{ type: 'iframe' }] }),
    ).rejects.toThrow(/not valid/)
    expect((await ws.repositories.reports.get(report.id))?.body).toEqual(text('First words'))
  })

  it('goes draft → in review → final, locks when final, and amending keeps the final text as a version', async () => {
    const report = await draftReport()
    await expect(ws.repositories.reports.setStatus(report.id, 'final', analyst)).rejects.toThrow(
      'A report that is draft cannot become final.',
    )
    await ws.repositories.reports.setStatus(report.id, 'in_review', analyst)
    await ws.repositories.reports.setStatus(report.id, 'final', analyst)
    await expect(ws.repositories.reports.saveBody(report.id, text('Sneaky change'))).rejects.toThrow(
      /final and locked/,
    )

    await ws.repositories.reports.amend(report.id, analyst)
    expect((await ws.repositories.reports.get(report.id))?.status).toBe('draft')
    await ws.repositories.reports.saveBody(report.id, text('Amended finding'))
    const versions = await ws.repositories.reports.listVersions(report.id)
    expect(versions.map((version) => [version.number, version.reason, version.status])).toEqual([
      [1, 'snapshot', 'final'],
      [2, 'amendment', 'final'],
    ])
    expect(versions[0]?.body).toEqual(text('First words'))
  })

  it('numbers versions, and records an export’s PDF hash on its version and in the audit', async () => {
    const report = await draftReport()
    const first = await ws.repositories.reports.snapshot(report.id, 'snapshot', analyst)
    await ws.repositories.reports.saveBody(report.id, text('Later words'))
    const exported = await ws.repositories.reports.snapshot(report.id, 'export', analyst)
    expect([first.number, exported.number]).toEqual([1, 2])
    expect(exported.body).toEqual(text('Later words'))
    const exportRecord = {
      audience: 'customer' as const,
      redactions: [{ rule: 'shopper phone', detail: 'phone of the shopper Luis Ortega', count: 2 }],
      passwordProtected: true,
      pagesSha256: 'd'.repeat(64),
    }
    await ws.repositories.reports.recordExport(exported.id, 'c'.repeat(64), exportRecord, analyst)
    const stored = await ws.repositories.reports.getVersion(exported.id)
    expect(stored?.exportedPdfSha256).toBe('c'.repeat(64))
    expect(stored?.export).toEqual(exportRecord)
    const audit = await ws.repositories.audit.listForCase(report.caseId)
    expect(
      audit.find((entry) => entry.entity === 'reportVersion' && entry.action === 'update')?.changes,
    ).toEqual([
      { field: 'exportedPdfSha256', before: null, after: 'c'.repeat(64) },
      { field: 'export', before: null, after: exportRecord },
    ])
  })
})
