import { PullResponseSchema, PushResponseSchema } from '@shared/protocol/sync/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, PGLITE } from '../fixtures/server-databases'
import { startTestServer, type TestServer } from '../fixtures/test-server'

const database = databasePerTest(PGLITE)
let server: TestServer
let app: TestServer['app']

beforeEach(async () => {
  server = await startTestServer(database.db)
  app = server.app
  await server.accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password: 'a long enough password' },
    null,
  )
})
afterEach(() => server.close())

const signIn = async () =>
  (
    await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { username: 'riley', password: 'a long enough password' },
    })
  ).json().token as string

describe('the sync server over HTTP', () => {
  it('signs in, pushes and pulls with the session token, and signs out', async () => {
    const token = await signIn()
    const auth = { authorization: `Bearer ${token}` }
    const push = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: auth,
      payload: {
        clientId: 'riley-laptop',
        mutations: [
          {
            mutationId: 1,
            entity: 'case',
            entityId: 'case-1',
            caseId: 'case-1',
            fields: {
              title: { value: 'Mailbox', hlc: '001764082800000:0000:riley-laptop' },
              assigneeId: { value: '', hlc: '001764082800000:0000:riley-laptop' },
            },
            deleted: null,
          },
        ],
      },
    })
    expect(push.statusCode).toBe(200)
    expect(PushResponseSchema.parse(push.json()).results[0]).toMatchObject({ outcome: 'applied' })
    const pull = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      headers: auth,
      payload: { cursor: 0, limit: 100 },
    })
    expect(PullResponseSchema.parse(pull.json()).changes.map((change) => change.entityId)).toEqual(['case-1'])

    await app.inject({ method: 'DELETE', url: '/v1/sessions', headers: auth })
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/v1/sync/pull',
          headers: auth,
          payload: { cursor: 0, limit: 1 },
        })
      ).statusCode,
    ).toBe(401)
  })

  it('answers a wrong password, a missing token and a malformed body each with a clear error', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { username: 'riley', password: 'not it' },
    })
    expect([wrong.statusCode, wrong.json().error]).toEqual([401, 'The user name or password is not right.'])
    const anonymous = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      payload: { cursor: 0, limit: 1 },
    })
    expect(anonymous.statusCode).toBe(401)
    const token = await signIn()
    const broken = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: { clientId: 'riley-laptop', mutations: [{ mutationId: 'one' }] },
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error).toMatch(/^Not a valid request: mutations\.0\./)
  })

  it('refuses malformed payloads with 4xx and a clear message, changing nothing', async () => {
    const token = await signIn()
    const auth = { authorization: `Bearer ${token}` }
    const hlc = '001764082800000:0000:riley-laptop'
    const mutation = (mutationId: number, extra: object = {}) => ({
      mutationId,
      entity: 'case',
      entityId: `case-${mutationId}`,
      caseId: `case-${mutationId}`,
      fields: { title: { value: 'Mailbox', hlc } },
      deleted: null,
      ...extra,
    })
    const records = async () => (await database.db.query('SELECT count(*)::int AS n FROM records')).rows[0]
    const before = await records()
    const cases: [string, unknown, number, RegExp][] = [
      ['wrong types', { clientId: 'riley-laptop', mutations: 'all of them' }, 400, /mutations/],
      [
        'an unknown kind of record',
        { clientId: 'x', mutations: [mutation(1, { entity: 'payment' })] },
        400,
        /entity/,
      ],
      [
        'a malformed clock',
        { clientId: 'x', mutations: [mutation(1, { fields: { title: { value: 'A', hlc: 'yesterday' } } })] },
        400,
        /hybrid logical clock/,
      ],
      ['ids counting down', { clientId: 'x', mutations: [mutation(2), mutation(1)] }, 400, /count up/],
      [
        'too many in one batch',
        { clientId: 'x', mutations: Array.from({ length: 501 }, (_, i) => mutation(i + 1)) },
        400,
        /500/,
      ],
      ['a hostile client id', { clientId: '../../etc/passwd', mutations: [mutation(1)] }, 400, /client id/],
      [
        'a field name that is not one',
        { clientId: 'x', mutations: [mutation(1, { fields: { __proto__x: { value: 1, hlc } } })] },
        400,
        /mutations\.0\.fields/,
      ],
    ]
    for (const [what, payload, status, message] of cases) {
      const answer = await app.inject({
        method: 'POST',
        url: '/v1/sync/push',
        headers: auth,
        payload: payload as never,
      })
      expect(answer.statusCode, what).toBe(status)
      expect(answer.json().error, what).toMatch(message)
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"clientId": "x", "mutations": [',
    })
    expect(notJson.statusCode).toBe(400)
    const huge = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"clientId":"x","mutations":[],"pad":"${'x'.repeat(65 * 1024 * 1024)}"}`,
    })
    expect(huge.statusCode).toBe(413)
    // A well-formed write to a field the record kind does not have is refused by the mutation itself.
    const unknownField = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: auth,
      payload: { clientId: 'x', mutations: [mutation(1, { fields: { salary: { value: 1, hlc } } })] },
    })
    expect(unknownField.json().results[0]).toMatchObject({
      outcome: 'rejected',
      reason: 'A case has no field "salary".',
    })
    expect(await records()).toEqual(before)

    // A replayed token after signing out is refused.
    await app.inject({ method: 'DELETE', url: '/v1/sessions', headers: auth })
    const replayed = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      headers: auth,
      payload: { cursor: 0, limit: 1 },
    })
    expect(replayed.statusCode).toBe(401)
    expect(replayed.json().error).toMatch(/Sign in again/)
  })
})

// Tens of MiB go through the parser here; a busy machine takes its time.
describe('request bodies', { timeout: 90_000 }, () => {
  const hlc = '001764082800000:0000:riley-laptop'
  const push = (pad: string) =>
    JSON.stringify({
      clientId: 'riley-laptop',
      mutations: [
        {
          mutationId: 1,
          entity: 'case',
          entityId: 'case-1',
          caseId: 'case-1',
          fields: { title: { value: 'Mailbox', hlc } },
          deleted: null,
        },
      ],
      pad,
    })
  const json = { 'content-type': 'application/json' }

  it('answers a request without a session 401 before reading its body, however big or broken', async () => {
    const huge = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: json,
      payload: push('x'.repeat(64 * 1024 * 1024)),
    })
    expect([huge.statusCode, huge.json().error]).toEqual([
      401,
      'Sign in again: the session is missing, expired or revoked.',
    ])
    const broken = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      headers: json,
      payload: '{"cursor": ',
    })
    expect(broken.statusCode).toBe(401)
    const blob = await app.inject({
      method: 'PUT',
      url: `/v1/blobs/${'a'.repeat(64)}`,
      headers: json,
      payload: '{}',
    })
    expect(blob.statusCode).toBe(401)
  })

  it('takes a big push, and refuses one over its limit, or a big body elsewhere, with 413 and the limit', async () => {
    const auth = { authorization: `Bearer ${await signIn()}` }
    const big = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...auth, ...json },
      payload: push('x'.repeat(3 * 1024 * 1024)),
    })
    expect(big.statusCode).toBe(200)
    const tooBig = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { ...auth, ...json },
      payload: push('x'.repeat(41 * 1024 * 1024)),
    })
    expect([tooBig.statusCode, tooBig.json().error]).toEqual([
      413,
      'This request is larger than the team server takes here (at most 40 MiB).',
    ])
    const bigPull = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      headers: { ...auth, ...json },
      payload: JSON.stringify({ cursor: 0, limit: 1, pad: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect([bigPull.statusCode, bigPull.json().error]).toEqual([
      413,
      'This request is larger than the team server takes here (at most 1 MiB).',
    ])
    const bigSignIn = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      headers: json,
      payload: JSON.stringify({ username: 'riley', password: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(bigSignIn.statusCode).toBe(413)
  })

  it('refuses evidence bytes sent as JSON or with no type with 415, and any unparsable body with 400, in words', async () => {
    const auth = { authorization: `Bearer ${await signIn()}` }
    for (const headers of [{ ...auth, ...json }, auth, { ...auth, 'content-type': 'text/plain' }]) {
      const refused = await app.inject({
        method: 'PUT',
        url: `/v1/blobs/${'a'.repeat(64)}`,
        headers,
        payload: '{"bytes": "not these"}',
      })
      expect([refused.statusCode, refused.json().error]).toEqual([
        415,
        'Evidence bytes are sent as they are, with Content-Type: application/octet-stream.',
      ])
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/sessions',
      headers: json,
      payload: '{"username": "riley", ',
    })
    expect([notJson.statusCode, notJson.json().error]).toEqual([
      400,
      'Not a valid request: the body is not JSON.',
    ])
    const form = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'cursor=0',
    })
    expect([form.statusCode, form.json().error]).toEqual([
      415,
      'The team server takes this request as JSON (Content-Type: application/json).',
    ])
    const nowhere = await app.inject({ method: 'GET', url: '/v1/nowhere?token=x' })
    expect([nowhere.statusCode, nowhere.json().error]).toEqual([
      404,
      'The team server has no GET /v1/nowhere.',
    ])
  })
})
