import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'
import { decidedDetermination } from './old-rows'

describe('version 10: day tallies and the clause ledger', () => {
  it('counts every case and decision afresh, dropping facts left from before', async () => {
    const first = caseFileFixture(1).case
    const second = { ...caseFileFixture(2).case, category: 'theft_missing_items' as const }
    const old = databaseAtVersion(9)
    await old.table('cases').bulkAdd([first, second])
    await old
      .table('determinations')
      .bulkAdd([
        decidedDetermination('d-1', first.id, ['PD-2']),
        decidedDetermination('d-2', second.id, ['PD-2', 'TH-1']),
      ])
    // Facts of a case no longer here, as version 8 kept them.
    await old.table('caseFacts').add({ id: 'gone', createdAt: '2026-01-01T00:00:00.000Z', facts: '' })
    await old.table('decisionFacts').add({
      id: 'd-gone',
      caseId: 'gone',
      caseCreatedAt: '2026-01-01T00:00:00.000Z',
      kind: 'warning',
      decidedAt: '2026-01-02T00:00:00.000Z',
      violatedClauses: ['PD-2'],
    })
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(indexesOf(db.decisionFacts)).toEqual(['id', 'caseId', 'caseCreatedAt'])
    expect((await db.caseFacts.toCollection().primaryKeys()).sort()).toEqual([first.id, second.id])
    expect(await db.decisionFacts.get('d-2')).toMatchObject({ caseCategory: 'theft_missing_items' })
    expect(await db.decisionFacts.get('d-gone')).toBeUndefined()
    expect((await db.caseDays.get(first.createdAt.slice(0, 10)))?.tally).toMatchObject({ cases: 2 })
    expect(await db.clauseLedger.orderBy('key').primaryKeys()).toEqual([
      `${first.category}|PD-2`,
      'theft_missing_items|PD-2',
      'theft_missing_items|TH-1',
    ])
    await db.delete()
  })
})
