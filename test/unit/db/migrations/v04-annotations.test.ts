import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'

describe('version 4: annotations', () => {
  it('adds a store of marks on evidence, by case and by exhibit, beside the evidence kept as it was', async () => {
    const file = caseFileFixture(1, { photo: new Uint8Array([1, 2, 3]) })
    const exhibit = file.evidence[0]!
    const old = databaseAtVersion(3)
    await old.table('cases').add(file.case)
    await old.table('evidence').add(exhibit)
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(indexesOf(db.annotations)).toEqual(['id', 'caseId', 'evidenceId'])
    expect(await db.annotations.count()).toBe(0)
    expect(await db.evidence.get(exhibit.id)).toEqual(exhibit)
    await db.delete()
  })
})
