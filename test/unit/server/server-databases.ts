import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBlobStore } from '@server/blob-store'
import { migrate } from '@server/db/migrate'
import { openPglite } from '@server/db/pglite'
import { openPostgres } from '@server/db/postgres'
import type { SqlClient } from '@server/db/sql'
import pg from 'pg'
import { inject } from 'vitest'

/** A migrated, empty server database, and how to throw it away. */
export interface TestDatabase {
  db: SqlClient
  /** Its connection string (PostgreSQL only), for a second server process over the same data. */
  url: string | null
  drop(): Promise<void>
}

/** A new database in the test PostgreSQL cluster (see test/unit/postgres-setup.ts). */
export async function freshPostgres(): Promise<TestDatabase> {
  const admin = inject('postgresUrl')
  const name = `crw_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = admin.replace(/\/postgres$/, `/${name}`)
  const db = openPostgres(url)
  await migrate(db)
  return {
    db,
    url,
    async drop() {
      await db.close()
      const dropper = new pg.Client({ connectionString: admin })
      await dropper.connect()
      await dropper.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}

/** The two stores the server runs on: embedded PGlite and PostgreSQL. Server tests run on both. */
export const SERVER_DATABASES: { name: string; open(): Promise<TestDatabase> }[] = [
  {
    name: 'PGlite',
    async open() {
      const db = await openPglite()
      await migrate(db)
      return { db, url: null, drop: () => db.close() }
    },
  },
  { name: 'PostgreSQL', open: freshPostgres },
]

/** A blob store in a fresh temporary directory. */
export function testBlobStore() {
  return createBlobStore(mkdtempSync(join(tmpdir(), 'crw-blobs-')))
}
