import { createWorkstationDatabase } from '@db/database'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion, indexesOf } from './database-at'

describe('version 7: orders', () => {
  it('adds a store of orders by case and by marketplace order id; cases keep their order summary', async () => {
    const stored = caseFileFixture(1).case
    const old = databaseAtVersion(6)
    await old.table('cases').add(stored)
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(indexesOf(db.orders)).toEqual(['id', 'caseId', 'orderId'])
    expect(await db.orders.count()).toBe(0)
    expect(await db.cases.where('order.orderId').equals(stored.order!.orderId).primaryKeys()).toEqual([
      stored.id,
    ])
    await db.delete()
  })
})
