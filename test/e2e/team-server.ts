import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAccounts } from '@server/accounts'
import { createServerApp } from '@server/app'
import { createBlobStore } from '@server/blob-store'
import { createCaseAuditExports } from '@server/case-audit-export'
import { startChangeNotices } from '@server/change-notices'
import { migrate } from '@server/db/migrate'
import { openPglite } from '@server/db/pglite'
import { createSyncService } from '@server/sync-service'

export const TEAM_PASSWORD = 'correct horse battery staple'

/** A team server on loopback (embedded PGlite in memory) with a lead and two analysts. */
export async function startTeamServer() {
  const db = await openPglite()
  await migrate(db)
  const accounts = createAccounts(db, () => new Date())
  const lead = await accounts.createUser(
    { username: 'lee', displayName: 'Lee Park', role: 'lead', password: TEAM_PASSWORD },
    null,
  )
  const riley = await accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password: TEAM_PASSWORD },
    null,
  )
  const sam = await accounts.createUser(
    { username: 'sam', displayName: 'Sam Ortiz', role: 'analyst', password: TEAM_PASSWORD },
    null,
  )
  const app = createServerApp({
    accounts,
    sync: createSyncService(db),
    caseAudit: createCaseAuditExports(db),
    notices: await startChangeNotices(db),
    blobs: createBlobStore(mkdtempSync(join(tmpdir(), 'crw-e2e-blobs-'))),
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    users: { lead, riley, sam },
    db,
    close: async () => {
      await app.close()
      await db.close()
    },
  }
}
