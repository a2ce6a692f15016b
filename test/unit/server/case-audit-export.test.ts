import { auditLineHash } from '@server/audit-log'
import type { SqlClient } from '@server/db/sql'
import { type CaseAuditExport, CaseAuditExportSchema } from '@shared/protocol/sync/audit-export'
import { checkCaseAuditExport } from '@shared/protocol/sync/check-audit-export'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, SERVER_DATABASES } from '../fixtures/server-databases'
import { startTestServer, type TestServer } from '../fixtures/test-server'
import { PASSWORD, workADay } from './audit-day'

for (const backend of SERVER_DATABASES)
  describe(`a case's audit export on ${backend.name}`, () => {
    const database = databasePerTest(backend)
    let db: SqlClient
    let server: TestServer
    let app: TestServer['app']
    const tokens: Record<string, string> = {}

    beforeEach(async () => {
      db = database.db
      await workADay(db)
      server = await startTestServer(db, { caseAudit: true })
      app = server.app
      for (const username of ['riley', 'lee', 'ada'])
        tokens[username] = (
          await app.inject({ method: 'POST', url: '/v1/sessions', payload: { username, password: PASSWORD } })
        ).json().token
    })
    afterEach(() => server.close())

    const exportAs = (username: string | null, caseId = 'case-1') =>
      app.inject({
        method: 'GET',
        url: `/v1/cases/${encodeURIComponent(caseId)}/audit`,
        headers: username ? { authorization: `Bearer ${tokens[username]}` } : {},
      })
    const exported = async (username = 'lee'): Promise<CaseAuditExport> => {
      const answer = await exportAs(username)
      expect(answer.statusCode).toBe(200)
      return CaseAuditExportSchema.parse(answer.json())
    }

    it('gives a lead every line of the case, the chain head and the verdict, and the document checks out', async () => {
      const document = await exported()
      expect(document.lines.map((line) => [line.action, line.entityId])).toEqual([
        ['write', 'case-1'],
        ['write', 'note-1'],
        ['write-refused', 'note-2'],
        ['audit-exported', 'case-1'],
      ])
      const recorded = document.lines.at(-1)!
      expect(recorded).toMatchObject({ userId: document.exportedBy, at: document.exportedAt })
      expect(document.head).toEqual({ id: recorded.id, hash: recorded.hash })
      expect(document.chain).toEqual({ ok: true, lines: document.head.id })
      expect(await checkCaseAuditExport(document)).toEqual({ ok: true, lines: 4 })
      // An admin may export too; each export is a line of its own.
      const byAdmin = await exported('ada')
      expect(byAdmin.lines.filter((line) => line.action === 'audit-exported')).toHaveLength(2)
      expect(await checkCaseAuditExport(byAdmin)).toMatchObject({ ok: true })
    })

    it('refuses an analyst and audits the refusal; refuses no session, an unknown case and a bad id', async () => {
      const refused = await exportAs('riley')
      expect([refused.statusCode, refused.json().error]).toEqual([
        403,
        'Only a lead or an admin exports a case’s audit.',
      ])
      const lines = await db.query<{ user_id: string; action: string; case_id: string }>(
        "SELECT user_id, action, case_id FROM server_audit WHERE action LIKE 'audit-export%'",
      )
      const riley = await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'riley'")
      expect(lines.rows).toEqual([
        { user_id: riley.rows[0]!.id, action: 'audit-export-refused', case_id: 'case-1' },
      ])
      // The refusal is one of the case's lines in the next export.
      expect((await exported()).lines.map((line) => line.action)).toContain('audit-export-refused')

      expect((await exportAs(null)).statusCode).toBe(401)
      const unknown = await exportAs('lee', 'case-nobody-made')
      expect([unknown.statusCode, unknown.json().error]).toEqual([
        404,
        'The server has no case with this id.',
      ])
      expect((await exportAs('lee', 'x'.repeat(129))).statusCode).toBe(400)
      // As long as a case id may be: not cut off by the router's limit on path parameters.
      expect((await exportAs('lee', 'x'.repeat(128))).statusCode).toBe(404)
    })

    it('reports a broken chain in the document, which then does not check out', async () => {
      await db.query("UPDATE server_audit SET detail = 'nothing happened' WHERE id = 3")
      const document = await exported()
      expect(document.chain).toEqual({
        ok: false,
        brokenAt: 3,
        reason: "line 3's hash does not match its content",
      })
      expect(await checkCaseAuditExport(document)).toEqual({
        ok: false,
        problem:
          "The server found the audit chain broken at line 3: line 3's hash does not match its content",
      })
    })

    describe('the offline check finds a document tampered with', () => {
      let document: CaseAuditExport
      beforeEach(async () => {
        document = await exported()
      })
      const tampered = (change: (copy: CaseAuditExport) => void) => {
        const copy = structuredClone(document)
        change(copy)
        return checkCaseAuditExport(copy)
      }

      it('when a line’s content changes', async () => {
        const line = document.lines[1]!
        expect(
          await tampered((copy) => {
            copy.lines[1]!.detail = 'nothing'
          }),
        ).toEqual({
          ok: false,
          problem: `Line ${line.id}’s hash does not match its content.`,
        })
      })

      it('when a line is rewritten with a hash of its own: its neighbour no longer follows it', async () => {
        // The analyst's note and the refused one are neighbours in the chain.
        const [, note, refusal] = document.lines
        expect(refusal!.id).toBe(note!.id + 1)
        expect(
          await tampered((copy) => {
            const forged = copy.lines[1]!
            forged.detail = 'nothing'
            forged.hash = auditLineHash(forged)
          }),
        ).toEqual({ ok: false, problem: `Line ${refusal!.id} does not follow line ${note!.id}.` })
      })

      it('when lines are reordered, moved to another case, cut off at the end or the head is changed', async () => {
        expect(await tampered((copy) => copy.lines.reverse())).toMatchObject({ ok: false })
        expect(
          await tampered((copy) => {
            copy.lines[0]!.caseId = 'case-2'
          }),
        ).toMatchObject({
          ok: false,
          problem: `Line ${document.lines[0]!.id} is about another case (case-2).`,
        })
        expect(
          await tampered((copy) => {
            copy.lines.pop()
          }),
        ).toEqual({
          ok: false,
          problem: 'The document does not end with the line that records its export.',
        })
        expect(
          await tampered((copy) => {
            copy.head.hash = 'f'.repeat(64)
          }),
        ).toMatchObject({
          ok: false,
          problem: `Line ${document.head.id} is the chain’s head but its hash is not the head’s.`,
        })
        expect(
          await tampered((copy) => {
            copy.chain = { ok: true, lines: 3 }
          }),
        ).toMatchObject({
          ok: false,
        })
        expect(await checkCaseAuditExport({ format: 'something else' })).toMatchObject({
          ok: false,
          problem: expect.stringMatching(/^Not a case audit export: /),
        })
      })
    })
  })
