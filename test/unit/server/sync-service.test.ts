import { createAccounts, type User } from '@server/accounts'
import type { SqlClient } from '@server/db/sql'
import { createSyncService, type SyncService } from '@server/sync-service'
import type { Mutation } from '@shared/protocol/sync/protocol'
import { beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, SERVER_DATABASES } from '../fixtures/server-databases'

let db: SqlClient
let sync: SyncService
let riley: User
let sam: User
let lead: User

const hlc = (millis: number, node = 'riley-laptop') => `${String(millis).padStart(15, '0')}:0000:${node}`
const caseWrite = (
  mutationId: number,
  caseId: string,
  fields: Record<string, unknown>,
  millis: number,
  node?: string,
): Mutation => ({
  mutationId,
  entity: 'case',
  entityId: caseId,
  caseId,
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, { value: value as never, hlc: hlc(millis, node) }]),
  ),
  deleted: null,
})
const noteWrite = (mutationId: number, caseId: string, body: string, millis: number): Mutation => ({
  mutationId,
  entity: 'note',
  entityId: `note-${mutationId}`,
  caseId,
  fields: { body: { value: body, hlc: hlc(millis) } },
  deleted: null,
})

for (const backend of SERVER_DATABASES)
  describe(`the sync server on ${backend.name}`, () => {
    const database = databasePerTest(backend)
    beforeEach(async () => {
      db = database.db
      const accounts = createAccounts(db, () => new Date('2026-11-25T08:00:00.000Z'))
      const password = 'a long enough password'
      riley = await accounts.createUser(
        { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password },
        null,
      )
      sam = await accounts.createUser(
        { username: 'sam', displayName: 'Sam Ortiz', role: 'analyst', password },
        null,
      )
      lead = await accounts.createUser(
        { username: 'lee', displayName: 'Lee Park', role: 'lead', password },
        null,
      )
      sync = createSyncService(db)
    })

    it('applies a mutation once: a retry of the same id is acknowledged, not applied again', async () => {
      const push = {
        clientId: 'riley-laptop',
        mutations: [caseWrite(1, 'case-1', { title: 'Mailbox', assigneeId: riley.id }, 1_000)],
      }
      const first = await sync.push(riley, push)
      expect(first.results).toEqual([{ mutationId: 1, outcome: 'applied', sequence: 1, overtaken: [] }])
      expect((await sync.push(riley, push)).results).toEqual([{ mutationId: 1, outcome: 'duplicate' }])
      const pulled = await sync.pull(lead, { cursor: 0, limit: 10 })
      expect(pulled.changes).toHaveLength(1)
      expect(pulled.changes[0]?.fields.title?.value).toBe('Mailbox')
    })

    it('merges two analysts’ offline edits field by field and tells the one overtaken', async () => {
      await sync.push(lead, {
        clientId: 'lee-laptop',
        mutations: [
          caseWrite(1, 'case-1', { title: 'Mailbox', status: 'new', assigneeId: '' }, 1_000, 'lee-laptop'),
        ],
      })
      await sync.push(lead, {
        clientId: 'lee-laptop',
        mutations: [caseWrite(2, 'case-1', { status: 'investigating' }, 5_000, 'lee-laptop')],
      })
      const late = await sync.push(riley, {
        clientId: 'riley-laptop',
        mutations: [caseWrite(1, 'case-1', { status: 'triage', summary: 'Dented' }, 3_000)],
      })
      expect(late.results[0]).toMatchObject({ outcome: 'applied', overtaken: ['status'] })
      const [record] = (await sync.pull(lead, { cursor: 0, limit: 10 })).changes
      expect(record?.fields.status?.value).toBe('investigating')
      expect(record?.fields.summary?.value).toBe('Dented')
    })

    it('records a lead approval only from that lead’s own account', async () => {
      await sync.push(riley, {
        clientId: 'riley-laptop',
        mutations: [caseWrite(1, 'case-1', { title: 'Garage door', assigneeId: riley.id }, 1_000)],
      })
      const approval = (approver: User) => ({
        approver: { id: approver.id, name: approver.displayName },
        at: '2026-11-25T09:00:00.000Z',
        note: '',
      })
      const approve = (mutationId: number, value: unknown, millis: number, node?: string): Mutation => ({
        mutationId,
        entity: 'determination',
        entityId: 'det-1',
        caseId: 'case-1',
        fields: { approval: { value: value as never, hlc: hlc(millis, node) } },
        deleted: null,
      })
      const byAnalyst = await sync.push(riley, {
        clientId: 'riley-laptop',
        mutations: [approve(2, approval(lead), 2_000), approve(3, null, 2_001)],
      })
      expect(byAnalyst.results.map((result) => result.outcome)).toEqual(['rejected', 'applied'])
      expect(byAnalyst.results[0]).toMatchObject({ reason: 'Only a lead approves an outcome.' })
      const onBehalf = await sync.push(lead, {
        clientId: 'lee-laptop',
        mutations: [
          approve(1, approval(sam), 3_000, 'lee-laptop'),
          approve(2, approval(lead), 3_001, 'lee-laptop'),
        ],
      })
      expect(onBehalf.results.map((result) => result.outcome)).toEqual(['rejected', 'applied'])
      expect(onBehalf.results[0]).toMatchObject({
        reason: 'A lead approves under their own account, not for someone else.',
      })
    })

    it('lets analysts work the unassigned queue and their own cases only, and never assign others', async () => {
      await sync.push(lead, {
        clientId: 'lee-laptop',
        mutations: [
          caseWrite(1, 'case-sam', { title: 'Sam’s case', assigneeId: sam.id }, 1_000, 'lee-laptop'),
          caseWrite(2, 'case-open', { title: 'Unassigned', assigneeId: '' }, 1_000, 'lee-laptop'),
        ],
      })
      const attempt = await sync.push(riley, {
        clientId: 'riley-laptop',
        mutations: [
          noteWrite(1, 'case-sam', 'My note', 2_000),
          noteWrite(2, 'case-open', 'Looking into it', 2_000),
          caseWrite(3, 'case-open', { assigneeId: sam.id }, 2_000),
          caseWrite(4, 'case-open', { assigneeId: riley.id }, 2_001),
        ],
      })
      expect(attempt.results.map((result) => result.outcome)).toEqual([
        'rejected',
        'applied',
        'rejected',
        'applied',
      ])
      expect(attempt.results[0]).toMatchObject({
        reason: 'The case is assigned to another analyst; ask a lead to reassign it.',
      })
      expect(attempt.results[2]).toMatchObject({ reason: 'Only a lead assigns a case to someone else.' })

      // Riley reads the queue and her own case, not Sam's.
      const seen = await sync.pull(riley, { cursor: 0, limit: 100 })
      expect(seen.changes.map((change) => change.entityId).sort()).toEqual(['case-open', 'note-2'])
      const audit = await db.query<{ action: string }>(
        "SELECT action FROM server_audit WHERE action LIKE 'write%' ORDER BY id",
      )
      expect(audit.rows.map((row) => row.action)).toEqual([
        'write',
        'write',
        'write-refused',
        'write',
        'write-refused',
        'write',
      ])
    })

    it('pages the changes after a cursor', async () => {
      await sync.push(lead, {
        clientId: 'lee-laptop',
        mutations: [1, 2, 3, 4, 5].map((n) =>
          caseWrite(n, `case-${n}`, { title: `Case ${n}`, assigneeId: '' }, 1_000 + n, 'lee-laptop'),
        ),
      })
      const first = await sync.pull(riley, { cursor: 0, limit: 2 })
      expect([first.changes.map((change) => change.sequence), first.cursor, first.more]).toEqual([
        [1, 2],
        2,
        true,
      ])
      const last = await sync.pull(riley, { cursor: 4, limit: 2 })
      expect([last.changes.map((change) => change.sequence), last.cursor, last.more]).toEqual([[5], 5, false])
    })
  })
