import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'
import { decidedDetermination } from './old-rows'

describe('version 11: determinations without violated clauses', () => {
  it('drops the field and its index; the clauses stay with the decision and in the ledger', async () => {
    const stored = caseFileFixture(1).case
    const { violatedClauses: _clauses, ...determination } = decidedDetermination('d-1', stored.id, ['PD-2'])
    const old = databaseAtVersion(10)
    await old.table('cases').add(stored)
    await old.table('determinations').add({ ...determination, violatedClauses: ['PD-2'] })
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(await db.determinations.get('d-1')).toEqual(determination)
    expect(indexesOf(db.determinations)).toEqual(['id', 'caseId', 'partyId'])
    expect((await db.clauseLedger.get(`${stored.category}|PD-2`))?.entries).toContain('d-1')
    await db.delete()
  })
})
