// Global setup of the unit tests: one throwaway PostgreSQL cluster for the server's tests against a
// real PostgreSQL, and the server's databases migrated once for the run (a PostgreSQL template
// database, a PGlite data directory) for the tests to copy: a copy takes a fraction of what starting
// PGlite's initdb and migrating does, on every test file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '@server/db/migrate'
import { openPglite } from '@server/db/pglite'
import { openPostgres } from '@server/db/postgres'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from '../support/postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
    /** A database in the cluster with every migration applied, for `CREATE DATABASE … TEMPLATE`. */
    postgresMigratedTemplate: string
    /** A PGlite data directory with every migration applied, to copy. */
    pgliteMigratedDir: string
  }
}

const TEMPLATE = 'crw_migrated'

export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster()
  const pgliteDirs = mkdtempSync(join(tmpdir(), 'crw-pglite-templates-'))
  try {
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${TEMPLATE}`)
    await admin.end()
    const template = openPostgres(cluster.url.replace(/\/postgres$/, `/${TEMPLATE}`))
    await migrate(template)
    // No session may stay on a template while databases are copied from it.
    await template.close()

    const migratedDir = join(pgliteDirs, 'migrated')
    const migrated = await openPglite(migratedDir)
    await migrate(migrated)
    await migrated.close()

    project.provide('postgresUrl', cluster.url)
    project.provide('postgresMigratedTemplate', TEMPLATE)
    project.provide('pgliteMigratedDir', migratedDir)
  } catch (error) {
    cluster.stop()
    rmSync(pgliteDirs, { recursive: true, force: true })
    throw error
  }
  return () => {
    try {
      cluster.stop()
    } finally {
      rmSync(pgliteDirs, { recursive: true, force: true })
    }
  }
}
