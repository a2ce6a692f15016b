import { migrate } from './db/migrate'
import { openPglite } from './db/pglite'
import { openPostgres } from './db/postgres'
import type { SqlClient } from './db/sql'

/** PostgreSQL when DATABASE_URL is set; otherwise embedded PGlite in DATA_DIR (./server-data). Migrated. */
export async function openServerDatabase(env: NodeJS.ProcessEnv): Promise<{ db: SqlClient; where: string }> {
  const db = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL)
    : await openPglite(env.DATA_DIR ?? 'server-data')
  await migrate(db)
  return {
    db,
    where: env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.DATA_DIR ?? 'server-data'}`,
  }
}
