// `npm run server`: the team sync server. PORT (4900) and HOST (127.0.0.1) say where it listens;
// DATABASE_URL points it at PostgreSQL, otherwise it keeps an embedded PGlite database in DATA_DIR.
// Evidence bytes go to BLOB_DIR (DATA_DIR/blobs by default). TRUST_PROXY names the reverse proxies
// (addresses or CIDRs, comma-separated) whose X-Forwarded-For gives the client's address.

import { join } from 'node:path'
import { createAccounts } from './accounts'
import { createServerApp } from './app'
import { createBlobStore } from './blob-store'
import { createCaseAuditExports } from './case-audit-export'
import { startChangeNotices } from './change-notices'
import { DataDirInUseError, TEAM_SERVER } from './db/data-dir-lock'
import { openServerDatabase } from './open-database'
import { createSyncService } from './sync-service'

const opened = await openServerDatabase(process.env, TEAM_SERVER).catch((error: unknown) => {
  if (!(error instanceof DataDirInUseError)) throw error
  console.error(
    `Cannot start: the embedded database in ${error.dataDir} is in use by ${error.by.holder} (pid ${error.by.pid}). ` +
      'Two processes on one PGlite directory corrupt it: stop that one first, or run several servers over PostgreSQL (DATABASE_URL).',
  )
  process.exit(1)
})
const { db, where } = opened
const notices = await startChangeNotices(db)
const app = createServerApp({
  accounts: createAccounts(db, () => new Date()),
  sync: createSyncService(db),
  caseAudit: createCaseAuditExports(db),
  notices,
  blobs: createBlobStore(process.env.BLOB_DIR ?? join(process.env.DATA_DIR ?? 'server-data', 'blobs')),
  logger: true,
  trustProxy: process.env.TRUST_PROXY || undefined,
})
const port = Number(process.env.PORT ?? 4900)
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' })
app.log.info({ database: where }, 'Critical Response Workstation sync server is running')

// Finish the requests in flight (idle connections are closed at once, see graceful-close.ts), then
// close the database, which also frees DATA_DIR: no write is cut in half. A second signal kills.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await app.close()
    await notices.stop()
    await db.close()
    process.exit(0)
  })
