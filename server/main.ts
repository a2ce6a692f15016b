// `npm run server`: the team sync server. PORT (4900) and HOST (127.0.0.1) say where it listens;
// DATABASE_URL points it at PostgreSQL, otherwise it keeps an embedded PGlite database in DATA_DIR.
// Evidence bytes go to BLOB_DIR (DATA_DIR/blobs by default).

import { join } from 'node:path'
import { createAccounts } from './accounts'
import { createServerApp } from './app'
import { createBlobStore } from './blob-store'
import { startChangeNotices } from './change-notices'
import { openServerDatabase } from './open-database'
import { createSyncService } from './sync-service'

const { db, where } = await openServerDatabase(process.env)
const notices = await startChangeNotices(db)
const app = createServerApp({
  accounts: createAccounts(db, () => new Date()),
  sync: createSyncService(db),
  notices,
  blobs: createBlobStore(process.env.BLOB_DIR ?? join(process.env.DATA_DIR ?? 'server-data', 'blobs')),
  logger: true,
})
const port = Number(process.env.PORT ?? 4900)
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' })
app.log.info({ database: where }, 'Critical Response Workstation sync server is running')

// Finish the requests in flight, then close the database: no write is cut in half.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, async () => {
    await app.close()
    await notices.stop()
    await db.close()
    process.exit(0)
  })
