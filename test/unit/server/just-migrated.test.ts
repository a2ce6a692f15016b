import { appendAudit, verifyAuditChain } from '@server/audit-log'
import type { SqlClient } from '@server/db/sql'
import { AUDIT_GENESIS_HASH } from '@shared/protocol/sync/audit-chain'
import { describe, expect, it } from 'vitest'
import { rememberJustMigrated } from '../fixtures/just-migrated'
import { SERVER_DATABASES } from '../fixtures/server-databases'
import { workADay } from './audit-day'

/** Every row of every table, and where every sequence stands. */
async function everything(db: SqlClient) {
  const tables = (
    await db.query<{ name: string }>(
      "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    )
  ).rows.map((row) => row.name)
  const rows: Record<string, unknown> = {}
  for (const table of tables)
    rows[table] = (
      await db.query<{ rows: unknown }>(`SELECT json_agg(t ORDER BY t::text) AS rows FROM ${table} t`)
    ).rows[0]!.rows
  const sequences = (
    await db.query("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
  ).rows
  return { rows, sequences }
}

// Server tests share one database per file and empty it before each test (test/unit/fixtures/server-databases.ts):
// the emptied database must be the just-migrated one, or a test could pass on what another left.
for (const backend of SERVER_DATABASES)
  describe(`emptying a ${backend.name} database between tests`, () => {
    it('brings back exactly what the migrations left, whatever a day of work wrote', async () => {
      const { db, drop } = await backend.open()
      try {
        const justMigrated = await everything(db)
        const reset = await rememberJustMigrated(db)
        await workADay(db)
        expect(await everything(db)).not.toEqual(justMigrated)
        await reset()
        expect(await everything(db)).toEqual(justMigrated)
        // As on a new server: the audit starts again at line 1, chained from the genesis.
        const [first] = await appendAudit(db, [{ userId: null, action: 'create-user' }])
        expect(first).toMatchObject({ id: 1, prevHash: AUDIT_GENESIS_HASH })
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lines: 1 })
      } finally {
        await drop()
      }
    })
  })
