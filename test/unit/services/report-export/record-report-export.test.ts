import { createWorkstationDatabase } from '@db/database'
import { createSyncCapture } from '@db/middleware/sync-capture'
import { createRepositories } from '@db/repositories'
import { recordReportExport, type SavedReportExport } from '@services/report-export/record-report-export'
import type { ReportDocument } from '@shared/formats/report/report-document'
import { describe, expect, it } from 'vitest'
import { analyst } from '../../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase, type TestWorkstation } from '../../fixtures/test-workstation'
import { asWorkstation } from '../workstation'

const ws = freshWorkstationPerTest()

const text: ReportDocument = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The mailbox was hit.' }] }],
}

/** A case with a photo and a draft report citing it. */
async function reportCitingAPhoto(station: TestWorkstation) {
  const record = await openBareCase(station, 'Mailbox knocked over')
  const imported = await station.repositories.evidence.importItem(
    {
      caseId: record.id,
      blob: new Blob(['jpeg bytes']),
      originalName: 'mailbox.jpg',
      size: 10,
      sha256: 'ab'.repeat(32),
      detectedType: 'image/jpeg',
      sourcePartyId: null,
      acquiredAt: '2026-11-24T09:30:00.000Z',
      description: '',
    },
    analyst,
  )
  if (imported.status !== 'added') throw new Error('not added')
  const report = await station.repositories.reports.create(
    { caseId: record.id, title: 'Investigation report', templateId: 'property-damage', body: text },
    analyst,
  )
  const saved: SavedReportExport = {
    reportId: report.id,
    fileName: `${record.caseNumber}-report-v1-customer.pdf`,
    pdfSha256: 'cd'.repeat(32),
    export: { audience: 'customer', redactions: [], passwordProtected: false, pagesSha256: 'ef'.repeat(32) },
    citedEvidenceIds: [imported.item.id],
  }
  return { record, photo: imported.item, report, saved }
}

const exportedLines = async (station: TestWorkstation, evidenceId: string) =>
  (await station.repositories.custody.listForEvidence(evidenceId)).filter(
    (line) => line.action === 'exported',
  )

describe('recording a report export', () => {
  it('keeps the version with the PDF hash, its audit lines and a custody line per cited exhibit', async () => {
    const { record, photo, report, saved } = await reportCitingAPhoto(ws)
    const version = await recordReportExport(asWorkstation(ws), saved, analyst)

    expect(version).toMatchObject({ reportId: report.id, number: 1, reason: 'export' })
    expect(version.exportedPdfSha256).toBe(saved.pdfSha256)
    expect(version.export).toEqual(saved.export)
    expect((await exportedLines(ws, photo.id)).map((line) => line.detail)).toEqual([
      `Exported in report version 1 (${saved.fileName}, for the customer, PDF SHA-256 ${saved.pdfSha256})`,
    ])
    const audit = await ws.repositories.audit.listForCase(record.id)
    expect(
      audit
        .filter((entry) => entry.entity === 'reportVersion')
        .map((entry) => entry.action)
        .sort(),
    ).toEqual(['create', 'update'])
  })

  it('leaves no version, no audit line and no custody line when its last write fails', async () => {
    const { record, photo, report, saved } = await reportCitingAPhoto(ws)
    const auditBefore = await ws.repositories.audit.listForCase(record.id)
    ws.db.custodyEvents.hook('creating', () => {
      throw new Error('The disk went away')
    })

    await expect(recordReportExport(asWorkstation(ws), saved, analyst)).rejects.toThrow('The disk went away')

    expect(await ws.repositories.reports.listVersions(report.id)).toEqual([])
    expect(await exportedLines(ws, photo.id)).toEqual([])
    expect(await ws.repositories.audit.listForCase(record.id)).toEqual(auditBefore)
  })

  it('queues the export for the team server in the same transaction, or nothing', async () => {
    // A workstation signed in to a team server: its writes are captured for the outbox.
    const capture = createSyncCapture()
    capture.start('ws-test')
    const db = createWorkstationDatabase(`test-${crypto.randomUUID()}`, { capture })
    const station: TestWorkstation = {
      db,
      repositories: createRepositories(db, () => ws.clock),
      clock: ws.clock,
    }
    try {
      const { report, saved } = await reportCitingAPhoto(station)
      const queued = (entity: string) => db.syncOutbox.filter((row) => row.entity === entity).count()
      const hook = (_key: unknown, line: { action: string }) => {
        if (line.action === 'exported') throw new Error('The disk went away')
      }
      db.custodyEvents.hook('creating', hook)
      await expect(recordReportExport(asWorkstation(station), saved, analyst)).rejects.toThrow()
      expect(await queued('reportVersion')).toBe(0)
      const custodyQueued = await queued('custodyEvent')
      expect(await station.repositories.reports.listVersions(report.id)).toEqual([])

      db.custodyEvents.hook('creating').unsubscribe(hook)
      await recordReportExport(asWorkstation(station), saved, analyst)
      expect(await queued('reportVersion')).toBe(1)
      expect(await queued('custodyEvent')).toBe(custodyQueued + 1)
    } finally {
      await db.delete()
    }
  })
})
