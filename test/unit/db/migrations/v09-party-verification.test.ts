import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'

describe('version 9: party verification', () => {
  it('adds stores of contact attempts and claims; the parties stay as they were', async () => {
    const file = caseFileFixture(1)
    const old = databaseAtVersion(8)
    await old.table('cases').add(file.case)
    await old.table('parties').bulkAdd(file.parties)
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(indexesOf(db.contactAttempts)).toEqual(['id', 'caseId', 'partyId', '[caseId+at]'])
    expect(indexesOf(db.claims)).toEqual(['id', 'caseId', '[caseId+position]'])
    expect(await db.contactAttempts.count()).toBe(0)
    expect(await db.claims.count()).toBe(0)
    expect(await db.parties.where('caseId').equals(file.case.id).toArray()).toEqual(file.parties)
    await db.delete()
  })
})
