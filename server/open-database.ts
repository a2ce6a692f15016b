import { lockDataDir } from './db/data-dir-lock'
import { migrate } from './db/migrate'
import { openPglite } from './db/pglite'
import { openPostgres } from './db/postgres'
import type { SqlClient } from './db/sql'

/**
 * PostgreSQL when DATABASE_URL is set; otherwise embedded PGlite in DATA_DIR (./server-data), held
 * by this process (`holder` says which program it is) until the database is closed: a second process
 * on the same directory is refused with DataDirInUseError. Migrated.
 */
export async function openServerDatabase(
  env: NodeJS.ProcessEnv,
  holder: string,
): Promise<{ db: SqlClient; where: string }> {
  if (env.DATABASE_URL) {
    const db = openPostgres(env.DATABASE_URL)
    await migrate(db)
    return { db, where: 'PostgreSQL (DATABASE_URL)' }
  }
  const dataDir = env.DATA_DIR ?? 'server-data'
  const release = await lockDataDir(dataDir, holder)
  let embedded: SqlClient | undefined
  try {
    embedded = await openPglite(dataDir)
    await migrate(embedded)
  } catch (error) {
    await embedded?.close().catch(() => {})
    await release()
    throw error
  }
  const opened = embedded
  const db: SqlClient = {
    ...opened,
    async close() {
      try {
        await opened.close()
      } finally {
        await release()
      }
    },
  }
  return { db, where: `PGlite in ${dataDir}` }
}
