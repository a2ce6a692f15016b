import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion } from './database-at'
import { decidedDetermination } from './old-rows'

describe('version 8: fact tables', () => {
  it('keeps facts beside the cases and decisions stored before (filled in by version 10)', async () => {
    const stored = caseFileFixture(1).case
    const old = databaseAtVersion(7)
    await old.table('cases').add(stored)
    await old.table('determinations').add(decidedDetermination('d-1', stored.id, ['PD-2']))
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(await db.caseFacts.where('createdAt').equals(stored.createdAt).primaryKeys()).toEqual([stored.id])
    expect(await db.decisionFacts.where('caseId').equals(stored.id).toArray()).toEqual([
      {
        id: 'd-1',
        caseId: stored.id,
        caseCreatedAt: stored.createdAt,
        caseCategory: stored.category,
        kind: 'warning',
        decidedAt: '2026-03-09T10:00:00.000Z',
        violatedClauses: ['PD-2'],
      },
    ])
    await db.delete()
  })
})
