import { MIGRATIONS } from '@db/migrations'
import Dexie, { type Table } from 'dexie'
import yDexie from 'y-dexie'

/**
 * A new database as `version` left it: the stores of that version and those before, without their
 * upgrades (a new database has no rows to upgrade). A test writes rows in that version's shape, closes
 * it, and opens the current database over it.
 */
export function databaseAtVersion(version: number): Dexie {
  const db = new Dexie(`upgrade-${crypto.randomUUID()}`, { addons: [yDexie] })
  for (const migration of MIGRATIONS.filter((each) => each.version <= version))
    db.version(migration.version).stores(migration.stores)
  return db
}

/** A table's indexes as Dexie reads them from the database (primary key first). */
export function indexesOf(table: Table): string[] {
  return [table.schema.primKey.name, ...table.schema.indexes.map((index) => index.name)]
}
