import { createWorkstationDatabase } from '@db/database'
import { MIGRATIONS } from '@db/migrations'
import { CURRENT_STORES } from '@db/schema'
import { describe, expect, it } from 'vitest'

describe('the migrations', () => {
  it('run in version order, one per version', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1))
  })

  it('add up to the current stores', async () => {
    const laidOver = Object.assign({}, ...MIGRATIONS.map((migration) => migration.stores))
    expect(laidOver).toEqual(CURRENT_STORES)
    const db = createWorkstationDatabase(`fresh-${crypto.randomUUID()}`)
    await db.open()
    expect(db.verno).toBe(MIGRATIONS.length)
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(Object.keys(CURRENT_STORES)))
    await db.delete()
  })
})
