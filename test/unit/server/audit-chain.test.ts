import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createAccounts } from '@server/accounts'
import { appendAudit, auditLineHash, verifyAuditChain } from '@server/audit-log'
import { migrate } from '@server/db/migrate'
import type { SqlClient } from '@server/db/sql'
import { createSyncService } from '@server/sync-service'
import { AUDIT_GENESIS_HASH } from '@shared/protocol/sync/audit-chain'
import { beforeEach, describe, expect, it } from 'vitest'
import { databasesPerTest, SERVER_DATABASES, type ServerBackend } from '../fixtures/server-databases'
import { workADay, write } from './audit-day'

const lineCount = async (db: SqlClient) =>
  Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM server_audit')).rows[0]!.n)

const databaseOn = databasesPerTest()

for (const backend of SERVER_DATABASES)
  describe(`the audit hash chain on ${backend.name}`, () => {
    const database = databaseOn(backend)
    let db: SqlClient
    beforeEach(() => {
      db = database.db
    })

    it('chains every line accounts and pushes write, numbered from 1, each about its case', async () => {
      await workADay(db)
      const total = await lineCount(db)
      expect(total).toBe(10)
      const verdict = await verifyAuditChain(db)
      expect(verdict).toMatchObject({ ok: true, lines: total, head: { id: total } })
      // Pages of two lines walk the same chain to the same answer.
      expect(await verifyAuditChain(db, { pageSize: 2 })).toEqual(verdict)
      const lines = await db.query<{
        id: string
        action: string
        entity_id: string | null
        case_id: string | null
        prev_hash: string
      }>(
        'SELECT id::text AS id, action, entity_id, case_id, prev_hash FROM server_audit ORDER BY server_audit.id',
      )
      expect(lines.rows.map((row) => Number(row.id))).toEqual(
        Array.from({ length: total }, (_, index) => index + 1),
      )
      expect(lines.rows[0]!.prev_hash).toBe(AUDIT_GENESIS_HASH)
      const aboutCase1 = lines.rows
        .filter((row) => row.case_id === 'case-1')
        .map((row) => [row.action, row.entity_id])
      expect(aboutCase1).toEqual([
        ['write', 'case-1'],
        ['write', 'note-1'],
        ['write-refused', 'note-2'],
      ])
    })

    describe('names the first broken line', () => {
      beforeEach(() => workADay(db).then(() => undefined))

      it('when a line’s detail is altered', async () => {
        await db.query("UPDATE server_audit SET detail = 'nothing happened' WHERE id = 4")
        expect(await verifyAuditChain(db, { pageSize: 3 })).toMatchObject({
          ok: false,
          brokenAt: 4,
          reason: "line 4's hash does not match its content",
        })
      })

      it('when a line is altered and its own hash recomputed: the next line no longer follows it', async () => {
        const row = (
          await db.query<{ at: string; user_id: string | null; action: string; prev_hash: string }>(
            `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, user_id, action, prev_hash FROM server_audit WHERE id = 5`,
          )
        ).rows[0]!
        const forged = {
          id: 5,
          at: row.at,
          userId: row.user_id,
          action: row.action,
          entity: null,
          entityId: null,
          caseId: null,
          detail: 'forged',
          prevHash: row.prev_hash,
        }
        await db.query(
          'UPDATE server_audit SET entity = NULL, entity_id = NULL, case_id = NULL, detail = $1, hash = $2 WHERE id = 5',
          ['forged', auditLineHash(forged)],
        )
        expect(await verifyAuditChain(db)).toMatchObject({
          ok: false,
          brokenAt: 6,
          reason: 'line 6 does not follow line 5',
        })
      })

      it('when a line is deleted', async () => {
        await db.query('DELETE FROM server_audit WHERE id = 3')
        expect(await verifyAuditChain(db)).toMatchObject({
          ok: false,
          brokenAt: 3,
          reason: 'line 3 is missing (line 4 comes after line 2)',
        })
      })

      it('when the last line is deleted', async () => {
        const total = await lineCount(db)
        await db.query('DELETE FROM server_audit WHERE id = $1', [total])
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: total })
      })

      it('when two lines swap places', async () => {
        await db.query('UPDATE server_audit SET id = -3 WHERE id = 3')
        await db.query('UPDATE server_audit SET id = 3 WHERE id = 4')
        await db.query('UPDATE server_audit SET id = 4 WHERE id = -3')
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3 })
      })

      it('when a line’s time moves, even by less than a millisecond', async () => {
        await db.query("UPDATE server_audit SET at = at + interval '1 microsecond' WHERE id = 2")
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 2 })
      })
    })

    it('refuses a line written around the chain', async () => {
      await expect(db.query("INSERT INTO server_audit (action) VALUES ('sneaked-in')")).rejects.toThrow()
    })

    it('stores and verifies text PostgreSQL cannot hold as sent (a NUL, a lone surrogate)', async () => {
      const [line] = await appendAudit(db, [
        {
          userId: null,
          action: 'sign-in-refused',
          detail: 'ri\0ley \uD800 from 10.0.0.7 "quoted" \\ \n é 😀',
        },
      ])
      expect(line!.detail).toBe('ri\uFFFDley \uFFFD from 10.0.0.7 "quoted" \\ \n é 😀')
      const stored = await db.query<{ detail: string }>('SELECT detail FROM server_audit WHERE id = 1')
      expect(stored.rows[0]!.detail).toBe(line!.detail)
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lines: 1 })
    })

    it('keeps one unbroken chain when many transactions append at once', async () => {
      const accounts = createAccounts(db, () => new Date())
      const lead = await accounts.createUser(
        { username: 'lee', displayName: 'Lee Park', role: 'lead', password: 'a long enough password' },
        null,
      )
      const sync = createSyncService(db)
      await Promise.all([
        ...Array.from({ length: 24 }, (_, index) =>
          db.transaction(async (tx) => {
            await tx.query('SELECT pg_sleep($1)', [(index % 4) / 200])
            await appendAudit(tx, [
              { userId: null, action: 'batch', detail: `${index}-a` },
              { userId: null, action: 'batch', detail: `${index}-b` },
              { userId: null, action: 'batch', detail: `${index}-c` },
            ])
          }),
        ),
        ...Array.from({ length: 6 }, (_, index) =>
          sync.push(lead, {
            clientId: `lee-${index}`,
            mutations: [
              write(1, 'case', `case-${index}`, `case-${index}`, { title: 'Parcel' }, `lee-${index}`),
            ],
          }),
        ),
      ])
      // 1 account line, 72 batch lines, 6 pushes of one line.
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lines: 79 })
      const batches = await db.query<{ detail: string }>(
        "SELECT detail FROM server_audit WHERE action = 'batch' ORDER BY id",
      )
      // A transaction's lines stay together and in order.
      for (let index = 0; index < batches.rows.length; index += 3)
        expect(batches.rows.slice(index, index + 3).map((row) => row.detail.slice(-1))).toEqual([
          'a',
          'b',
          'c',
        ])
    })

    it('leaves nothing of a rolled-back append: the next line takes its number', async () => {
      await appendAudit(db, [{ userId: null, action: 'first' }])
      await expect(
        db.transaction(async (tx) => {
          await appendAudit(tx, [{ userId: null, action: 'undone' }])
          throw new Error('the write failed')
        }),
      ).rejects.toThrow('the write failed')
      const [next] = await appendAudit(db, [{ userId: null, action: 'second' }])
      expect(next!.id).toBe(2)
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lines: 2 })
    })
  })

const MIGRATIONS = fileURLToPath(new URL('../../../server/migrations/', import.meta.url))

/** A database migrated up to, not including, the audit chain: the audit as servers kept it before. */
async function beforeTheChain(backend: ServerBackend): Promise<SqlClient> {
  const db = await databaseOn(backend).unmigrated()
  await db.query(
    'CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  for (const file of (await readdir(MIGRATIONS)).filter((name) => /^00[1-3]_.*\.sql$/.test(name)).sort()) {
    await db.exec(await readFile(`${MIGRATIONS}${file}`, 'utf8'))
    await db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file])
  }
  return db
}

for (const backend of SERVER_DATABASES)
  describe(`migrating an existing audit into the chain on ${backend.name}`, () => {
    it('numbers the old lines in order, files them under their case and chains them as the server does', async () => {
      const db = await beforeTheChain(backend)
      await db.query(
        `INSERT INTO records (entity, entity_id, case_id, fields, sequence) VALUES
           ('case', 'case-1', NULL, '{}', 1), ('note', 'note-1', 'case-1', '{}', 2)`,
      )
      // Gaps (rolled-back inserts), microseconds, and text JSON must escape.
      await db.query(
        `INSERT INTO server_audit (id, at, user_id, action, entity, entity_id, detail) VALUES
           (3, '2026-03-01T14:05:00.123456Z', NULL, 'sign-in-refused', NULL, NULL, $1),
           (7, '2026-03-01T14:06:00Z', 'u-lee', 'write', 'case', 'case-1', 'title, assigneeId'),
           (8, '2026-03-01T14:07:00.5Z', 'u-riley', 'write', 'note', 'note-1', 'body'),
           (12, '2026-03-01T14:08:00Z', 'u-sam', 'write-refused', 'note', 'note-9', $2)`,
        ['ri"ley\\ \u0001\t\n é 😀 \u2028 </script>', 'The case is assigned to another analyst.'],
      )
      await migrate(db)
      const lines = await db.query<{ id: string; action: string; case_id: string | null; at: string }>(
        `SELECT id::text AS id, action, case_id, to_char(at AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS at FROM server_audit ORDER BY server_audit.id`,
      )
      expect(lines.rows.map((row) => [Number(row.id), row.action, row.case_id, row.at])).toEqual([
        [1, 'sign-in-refused', null, '14:05:00.123000'],
        [2, 'write', 'case-1', '14:06:00.000000'],
        [3, 'write', 'case-1', '14:07:00.500000'],
        [4, 'write-refused', null, '14:08:00.000000'],
      ])
      // Hashed in SQL by the migration, recomputed in TypeScript by the verifier.
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lines: 4, head: { id: 4 } })
      await appendAudit(db, [{ userId: 'u-lee', action: 'sign-in' }])
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, lines: 5 })
    })

    it('starts an empty audit at the genesis', async () => {
      const db = await beforeTheChain(backend)
      await migrate(db)
      expect(await verifyAuditChain(db)).toEqual({
        ok: true,
        lines: 0,
        head: { id: 0, hash: AUDIT_GENESIS_HASH },
      })
      const [first] = await appendAudit(db, [{ userId: null, action: 'create-user' }])
      expect(first).toMatchObject({ id: 1, prevHash: AUDIT_GENESIS_HASH })
    })
  })
