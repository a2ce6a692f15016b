import { createWorkstationDatabase } from '@db/database'
import type { Determination } from '@shared/domain'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'
import { decidedDetermination } from './old-rows'

describe('version 6: the violated-clauses index', () => {
  it('carries determinations stored before it through to today, where the clause ledger serves instead', async () => {
    const stored = caseFileFixture(1).case
    // Before version 6 a determination had no violated-clauses field.
    const { violatedClauses: _clauses, ...determination }: Determination & { violatedClauses?: string[] } =
      decidedDetermination('d-1', stored.id, ['PD-2'])
    const old = databaseAtVersion(5)
    await old.table('cases').add(stored)
    await old.table('determinations').add(determination)
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(await db.determinations.where('caseId').equals(stored.id).toArray()).toEqual([determination])
    expect(indexesOf(db.determinations)).toEqual(['id', 'caseId', 'partyId'])
    expect((await db.clauseLedger.get(`${stored.category}|PD-2`))?.entries).toContain('d-1')
    await db.delete()
  })
})
