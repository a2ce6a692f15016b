// `npm run server:verify-audit`: walks the server's audit chain (same DATABASE_URL or DATA_DIR as the
// server) and prints OK with the number of lines, or names the first broken line and exits 1. On
// PostgreSQL it runs while servers run; the embedded database (PGlite) is single-process, so stop the
// server on DATA_DIR first.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { verifyAuditChain } from './audit-log'
import { DataDirInUseError } from './db/data-dir-lock'
import { openServerDatabase } from './open-database'

const dataDir = process.env.DATA_DIR ?? 'server-data'
// Opening an empty directory would make a new, empty database and call its audit intact.
if (!process.env.DATABASE_URL && !existsSync(join(dataDir, 'PG_VERSION'))) {
  console.error(
    `No server database in ${dataDir}: set DATA_DIR (the embedded database) or DATABASE_URL (PostgreSQL) as for the server.`,
  )
  process.exit(1)
}
const opened = await openServerDatabase(process.env, 'server:verify-audit').catch((error: unknown) => {
  if (!(error instanceof DataDirInUseError)) throw error
  console.error(
    `Cannot open the embedded database in ${error.dataDir}: ${error.by.holder} (pid ${error.by.pid}) has it open, ` +
      'and PGlite is one process’s database. Stop it, run the verification, then start it again.',
  )
  process.exit(1)
})
try {
  const verdict = await verifyAuditChain(opened.db)
  if (verdict.ok)
    console.info(
      `OK: the audit chain in ${opened.where} is intact, ${verdict.lines} line${verdict.lines === 1 ? '' : 's'} (head ${verdict.head.hash}).`,
    )
  else {
    console.error(`BROKEN at line ${verdict.brokenAt} in ${opened.where}: ${verdict.reason}.`)
    process.exitCode = 1
  }
} catch (error) {
  console.error(`Could not verify the audit chain in ${opened.where}: ${String(error)}`)
  process.exitCode = 1
} finally {
  await opened.db.close()
}
