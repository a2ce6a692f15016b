import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'

describe('version 5: team sync', () => {
  it('lets two cases share a number, keeps the reports, and starts with nothing to send', async () => {
    const stored = caseFileFixture(1).case
    const report = {
      id: 'r-1',
      caseId: stored.id,
      title: 'Final report',
      templateId: 'standard',
      status: 'draft',
      body: { type: 'doc', content: [] },
      createdAt: stored.createdAt,
      createdBy: analyst,
      updatedAt: stored.createdAt,
    }
    const old = databaseAtVersion(4)
    await old.table('cases').add(stored)
    await old.table('reports').add(report)
    old.close()

    const db = createWorkstationDatabase(old.name)
    // Another workstation, offline, opened the same number.
    await db.cases.add({ ...caseFileFixture(2).case, caseNumber: stored.caseNumber })
    expect(await db.cases.where('caseNumber').equals(stored.caseNumber).count()).toBe(2)
    expect(await db.reports.where('caseId').equals(stored.id).primaryKeys()).toEqual([report.id])
    expect(indexesOf(db.syncOutbox)).toEqual(['mutationId', '[entity+entityId+state]', 'state'])
    expect(indexesOf(db.syncRecords)).toEqual(['[entity+entityId]'])
    expect(indexesOf(db.syncBlobs)).toEqual(['sha256', 'state'])
    expect(await db.syncOutbox.count()).toBe(0)
    expect(await db.syncMeta.count()).toBe(0)
    await db.delete()
  })
})
