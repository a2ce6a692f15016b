import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion } from './database-at'

describe('version 3: title words', () => {
  it('indexes the words of every stored title', async () => {
    const fence = { ...caseFileFixture(1).case, title: 'Fence knocked over at drop-off' }
    const mailbox = { ...caseFileFixture(2).case, title: 'Mailbox dented' }
    const old = databaseAtVersion(2)
    await old.table('cases').bulkAdd([fence, mailbox])
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect((await db.cases.get(fence.id))?.titleWords).toEqual(
      expect.arrayContaining(['fence', 'knocked', 'drop']),
    )
    expect(await db.cases.where('titleWords').equals('fence').primaryKeys()).toEqual([fence.id])
    expect(await db.cases.where('titleWords').startsWith('mail').primaryKeys()).toEqual([mailbox.id])
    await db.delete()
  })
})
