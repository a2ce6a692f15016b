import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { appendAudit } from '@server/audit-log'
import { openServerDatabase } from '@server/open-database'
import { describe, expect, inject, it } from 'vitest'
import { freshPostgres } from '../fixtures/server-databases'

// `npm run server:verify-audit` as run: node with tsx, the server's environment.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const PROCESS_TIMEOUT = 180_000

async function verifyAudit(
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, DATA_DIR: _either, ...inherited } = process.env
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/verify-audit.ts'],
      { cwd: ROOT, env: { ...inherited, ...env } },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('npm run server:verify-audit', () => {
  it(
    'says OK with the count on an intact embedded database, and names the first broken line once altered',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'crw-verify-audit-'))
      // Already migrated: PGlite's initdb is seconds, a copy is not.
      cpSync(inject('pgliteMigratedDir'), dataDir, { recursive: true })
      const opened = await openServerDatabase({ DATA_DIR: dataDir }, 'the test')
      await appendAudit(opened.db, [
        { userId: null, action: 'create-user', detail: 'ada (admin)' },
        { userId: null, action: 'sign-in-refused', detail: 'ada from 10.0.0.7' },
      ])
      await opened.db.close()
      const intact = await verifyAudit({ DATA_DIR: dataDir })
      expect(intact.code).toBe(0)
      expect(intact.stdout).toMatch(
        /^OK: the audit chain in PGlite in .* is intact, 2 lines \(head [0-9a-f]{64}\)\.$/m,
      )

      const tampering = await openServerDatabase({ DATA_DIR: dataDir }, 'the test')
      await tampering.db.query("UPDATE server_audit SET detail = 'bob from 10.0.0.7' WHERE id = 2")
      await tampering.db.close()
      const broken = await verifyAudit({ DATA_DIR: dataDir })
      expect(broken.code).toBe(1)
      expect(broken.stderr).toContain('BROKEN at line 2 in PGlite in ')
      expect(broken.stderr).toContain(": line 2's hash does not match its content.")
    },
    PROCESS_TIMEOUT,
  )

  it(
    'works on PostgreSQL, and says what to set when there is no database where it looks',
    async () => {
      const database = await freshPostgres()
      try {
        await appendAudit(database.db, [{ userId: null, action: 'create-user', detail: 'ada (admin)' }])
        const intact = await verifyAudit({ DATABASE_URL: database.url! })
        expect([intact.code, intact.stdout]).toEqual([
          0,
          expect.stringContaining('OK: the audit chain in PostgreSQL (DATABASE_URL) is intact, 1 line '),
        ])
      } finally {
        await database.drop()
      }
      const nowhere = await verifyAudit({ DATA_DIR: join(tmpdir(), 'crw-no-such-server-data') })
      expect(nowhere.code).toBe(1)
      expect(nowhere.stderr).toContain('No server database in ')
    },
    PROCESS_TIMEOUT,
  )
})
