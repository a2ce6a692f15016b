import type { User } from '@server/accounts'
import type { SqlClient } from '@server/db/sql'
import type { Mutation } from '@shared/protocol/sync/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PGLITE, type TestDatabase } from '../fixtures/server-databases'
import { startTestServer, type TestServer } from '../fixtures/test-server'

/**
 * Every role × every endpoint × a case of one's own, another analyst's, and the unassigned queue.
 * Analysts read and write the queue and their own cases; leads read and write every case and assign;
 * admins manage users (and may do what a lead may).
 */

let database: TestDatabase
let db: SqlClient
let server: TestServer
let app: TestServer['app']
const password = 'a long enough password'
const users = {} as Record<'analyst' | 'otherAnalyst' | 'lead' | 'admin', User>
const tokens = {} as Record<keyof typeof users, string>
type Role = 'analyst' | 'lead' | 'admin'
type CaseKind = 'own' | 'other' | 'unassigned'
let nextMutation = 1
let millis = 1_800_000_000_000

const hlc = () => `${String(millis++).padStart(15, '0')}:0000:matrix`
const write = (
  entity: Mutation['entity'],
  entityId: string,
  caseId: string,
  fields: Record<string, unknown>,
): Mutation => ({
  mutationId: nextMutation++,
  entity,
  entityId,
  caseId,
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, { value: value as never, hlc: hlc() }]),
  ),
  deleted: null,
})

const call = (
  token: string | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) =>
  app.inject({
    method,
    url,
    payload: payload as never,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
const push = (role: keyof typeof users, mutations: Mutation[]) =>
  call(tokens[role], 'POST', '/v1/sync/push', { clientId: `client-${role}`, mutations })

/** The case of each kind as seen from a role: its own, another analyst's, the queue's. */
const caseFor = (role: Role, kind: CaseKind) => `${kind}-of-${role}`

beforeAll(async () => {
  database = await PGLITE.open()
  db = database.db
  // The server's clock reads the fixtures' time, so their stamps are not from the future.
  server = await startTestServer(db, { syncNow: () => millis })
  app = server.app
  const { accounts } = server
  const people: [keyof typeof users, string, string, Role][] = [
    ['analyst', 'riley', 'Riley Chen', 'analyst'],
    ['otherAnalyst', 'sam', 'Sam Ortiz', 'analyst'],
    ['lead', 'lee', 'Lee Park', 'lead'],
    ['admin', 'ada', 'Ada Admin', 'admin'],
  ]
  for (const [key, username, displayName, role] of people)
    users[key] = await accounts.createUser({ username, displayName, role, password }, null)
  for (const role of Object.keys(users) as (keyof typeof users)[])
    tokens[role] = (
      await call(null, 'POST', '/v1/sessions', { username: users[role].username, password })
    ).json().token
  // The lead opens, for each role, a case of its own, one of another analyst's, and one in the queue.
  const mutations: Mutation[] = []
  for (const role of ['analyst', 'lead', 'admin'] as Role[]) {
    const assignees: Record<CaseKind, string> = {
      own: users[role].id,
      other: users.otherAnalyst.id,
      unassigned: '',
    }
    for (const kind of ['own', 'other', 'unassigned'] as CaseKind[])
      mutations.push(
        write('case', caseFor(role, kind), caseFor(role, kind), {
          title: `${kind} case`,
          assigneeId: assignees[kind],
        }),
      )
  }
  expect(
    (await push('lead', mutations)).json().results.every((r: { outcome: string }) => r.outcome === 'applied'),
  ).toBe(true)
})
afterAll(async () => {
  await server.close()
  await database.drop()
})

const ROLES: Role[] = ['analyst', 'lead', 'admin']
const KINDS: CaseKind[] = ['own', 'other', 'unassigned']
/** Whether a role may read and write a case of that kind. */
const mayWork = (role: Role, kind: CaseKind) => role !== 'analyst' || kind !== 'other'

describe('authorization matrix', () => {
  for (const role of ROLES)
    for (const kind of KINDS) {
      const allowed = mayWork(role, kind)
      it(`${role} × ${kind} case: write a note ${allowed ? 'applied' : 'refused'}, pull ${allowed ? 'sees' : 'does not see'} it`, async () => {
        const caseId = caseFor(role, kind)
        const note = write('note', `note-${role}-${kind}`, caseId, { body: `by ${role}` })
        const [result] = (await push(role, [note])).json().results
        expect(result.outcome).toBe(allowed ? 'applied' : 'rejected')
        const pulled = (await call(tokens[role], 'POST', '/v1/sync/pull', { cursor: 0, limit: 1_000 })).json()
        expect(pulled.changes.some((change: { entityId: string }) => change.entityId === caseId)).toBe(
          allowed,
        )
      })

      const assignOther = role !== 'analyst'
      it(`${role} × ${kind} case: assigning it to someone else is ${assignOther ? 'allowed' : 'refused'}`, async () => {
        const caseId = caseFor(role, kind)
        const [result] = (
          await push(role, [write('case', caseId, caseId, { assigneeId: users.otherAnalyst.id })])
        ).json().results
        expect(result.outcome).toBe(assignOther && mayWork(role, kind) ? 'applied' : 'rejected')
        // Put it back for the next checks (the lead may always).
        const assignees: Record<CaseKind, string> = {
          own: users[role].id,
          other: users.otherAnalyst.id,
          unassigned: '',
        }
        await push('lead', [write('case', caseId, caseId, { assigneeId: assignees[kind] })])
      })
    }

  it('an analyst may take a case from the queue, not one assigned to another', async () => {
    const queue = caseFor('analyst', 'unassigned')
    const other = caseFor('analyst', 'other')
    const results = (
      await push('analyst', [
        write('case', queue, queue, { assigneeId: users.analyst.id }),
        write('case', other, other, { assigneeId: users.analyst.id }),
      ])
    ).json().results
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'rejected'])
  })

  for (const role of ROLES)
    it(`${role}: ${role === 'analyst' ? 'may not change' : 'changes'} the team’s approval threshold, writes the shift handoff; everyone pulls both`, async () => {
      const teamSetting = (key: string, value: unknown): Mutation => ({
        ...write('teamSetting', key, '', { key, value }),
        caseId: null,
      })
      const handoff = {
        id: `handoff-${role}`,
        writtenBy: { id: users[role].id, name: role },
        writtenAt: '2026-11-30T17:00:00.000Z',
        shiftStartedAt: '2026-11-30T09:00:00.000Z',
        note: `From the ${role}`,
        casesTouched: [],
        statusChanges: [],
        openTasks: [],
        slasDue: [],
      }
      const results = (
        await push(role, [teamSetting('approvalThreshold', 400), teamSetting('lastHandoff', handoff)])
      ).json().results
      expect(results.map((result: { outcome: string }) => result.outcome)).toEqual([
        role === 'analyst' ? 'rejected' : 'applied',
        'applied',
      ])
      if (role === 'analyst')
        expect(results[0].reason).toContain('Only a lead or an admin changes the team’s settings')
      const pulled = (
        await call(tokens.otherAnalyst, 'POST', '/v1/sync/pull', { cursor: 0, limit: 1_000 })
      ).json()
      expect(pulled.changes.some((change: { entityId: string }) => change.entityId === 'lastHandoff')).toBe(
        true,
      )
    })

  it('refuses a record that names another id than the one it travels under', async () => {
    // Allowed to write the handoff, an analyst may not slip the policy library in under its id.
    const disguised: Mutation = {
      ...write('teamSetting', 'lastHandoff', '', { key: 'policyLibrary', value: [] }),
      caseId: null,
    }
    const [result] = (await push('analyst', [disguised])).json().results
    expect(result).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('its own id') })
  })

  it('refuses a record that names another case than the one it travels with', async () => {
    // Access is checked on the case a note travels with: it may not name another analyst's case.
    const own = caseFor('analyst', 'own')
    const other = caseFor('analyst', 'other')
    const misfiled = write('note', 'note-misfiled', own, { caseId: other, body: 'Not yours' })
    const [result] = (await push('analyst', [misfiled])).json().results
    expect(result).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining('its own case') })
    const [filed] = (
      await push('analyst', [write('note', 'note-filed', own, { caseId: own, body: 'Mine' })])
    ).json().results
    expect(filed.outcome).toBe('applied')
  })

  for (const role of ['analyst', 'lead', 'admin'] as const)
    it(`${role}: reads the team list; ${role === 'admin' ? 'manages' : 'may not manage'} users`, async () => {
      expect((await call(tokens[role], 'GET', '/v1/team')).statusCode).toBe(200)
      const created = await call(tokens[role], 'POST', '/v1/users', {
        username: `new-${role}`,
        displayName: 'New Person',
        role: 'analyst',
        password,
      })
      expect(created.statusCode).toBe(role === 'admin' ? 201 : 403)
      const disabled = await call(tokens[role], 'PATCH', `/v1/users/${users.otherAnalyst.id}`, {
        disabled: false,
      })
      expect(disabled.statusCode).toBe(role === 'admin' ? 204 : 403)
    })

  it('without a session every endpoint but sign-in answers 401 and changes nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM records')).rows[0]
    for (const [method, url, payload] of [
      ['GET', '/v1/team', undefined],
      [
        'POST',
        '/v1/sync/push',
        { clientId: 'x', mutations: [write('case', 'intruder', 'intruder', { title: 'x' })] },
      ],
      ['POST', '/v1/sync/pull', { cursor: 0, limit: 10 }],
      ['POST', '/v1/users', { username: 'mallory', displayName: 'M', role: 'admin', password }],
      ['PATCH', `/v1/users/${users.admin.id}`, { disabled: true }],
    ] as const) {
      expect((await call(null, method, url, payload)).statusCode, `${method} ${url}`).toBe(401)
      expect((await call('not-a-real-token-at-all-xxxxxxxx', method, url, payload)).statusCode).toBe(401)
    }
    expect((await db.query('SELECT count(*)::int AS n FROM records')).rows[0]).toEqual(before)
  })

  it('a disabled user’s sessions end at once', async () => {
    const token = (await call(null, 'POST', '/v1/sessions', { username: 'sam', password })).json().token
    expect(
      (await call(tokens.admin, 'PATCH', `/v1/users/${users.otherAnalyst.id}`, { disabled: true }))
        .statusCode,
    ).toBe(204)
    expect((await call(token, 'POST', '/v1/sync/pull', { cursor: 0, limit: 1 })).statusCode).toBe(401)
    expect((await call(null, 'POST', '/v1/sessions', { username: 'sam', password })).statusCode).toBe(401)
    await call(tokens.admin, 'PATCH', `/v1/users/${users.otherAnalyst.id}`, { disabled: false })
  })
})
