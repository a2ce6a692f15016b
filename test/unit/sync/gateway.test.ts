import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createKeychainVault } from '@electron/session-vault'
import { createSyncHandlers } from '@shared/protocol/platform/sync-handlers'
import { createSyncGateway, memoryVault, SignedOutError } from '@shared/protocol/sync/gateway'
import { createWebHostSync } from '@web-host/web-host-sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, PGLITE } from '../fixtures/server-databases'
import { startTestServer, type TestServer } from '../fixtures/test-server'

const database = databasePerTest(PGLITE)
let server: TestServer
let app: TestServer['app']
let serverUrl: string
const password = 'a long enough password'

beforeEach(async () => {
  server = await startTestServer(database.db)
  app = server.app
  await server.accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password },
    null,
  )
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 })
})
afterEach(() => server.close())

/** A keychain that really transforms the bytes, so a token in the clear would show. */
function fakeKeychain() {
  const files: { current: Uint8Array | null } = { current: null }
  const vault = createKeychainVault({
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(Buffer.from(text).toString('base64')).reverse(),
      decryptString: (bytes) => Buffer.from(Buffer.from(bytes).reverse().toString(), 'base64').toString(),
    },
    readFile: async () => files.current,
    writeFile: async (bytes) => {
      files.current = bytes
    },
    removeFile: async () => {
      files.current = null
    },
  })
  return { vault, files }
}

describe('the sync gateway (the host side of sign-in, push and pull)', () => {
  it('signs in, keeps the token encrypted and out of the page’s answers, and forwards pushes and pulls', async () => {
    const { vault, files } = fakeKeychain()
    const handlers = createSyncHandlers(createSyncGateway({ fetch, vault }))
    const session = await handlers['sync:signIn']({ serverUrl: `${serverUrl}/`, username: 'riley', password })
    expect(session).toMatchObject({ serverUrl, user: { username: 'riley', role: 'analyst' } })
    expect(JSON.stringify(session)).not.toContain('token')
    const stored = await vault.load()
    expect(stored?.token.length).toBeGreaterThan(20)
    expect(Buffer.from(files.current!).toString()).not.toContain(stored!.token)
    expect(await handlers['sync:session']({})).toEqual({ session })

    const pushed = await handlers['sync:push']({
      clientId: 'riley-laptop',
      mutations: [
        {
          mutationId: 1,
          entity: 'case',
          entityId: 'case-1',
          caseId: 'case-1',
          fields: { title: { value: 'Mailbox', hlc: '001764082800000:0000:riley-laptop' } },
          deleted: null,
        },
      ],
    })
    expect(pushed.results[0]).toMatchObject({ outcome: 'applied' })
    const pulled = await handlers['sync:pull']({ cursor: 0, limit: 10 })
    expect(pulled.changes.map((change) => change.entityId)).toEqual(['case-1'])
    const team = await handlers['sync:team']({})
    expect(team.members.map((member) => member.displayName)).toEqual(['Riley Chen'])

    await handlers['sync:signOut']({})
    expect(files.current).toBeNull()
    expect(await handlers['sync:session']({})).toEqual({ session: null })
    // The token was revoked on the server too.
    const revoked = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      headers: { authorization: `Bearer ${stored!.token}` },
      payload: { cursor: 0, limit: 1 },
    })
    expect(revoked.statusCode).toBe(401)
  })

  it('says why a sign-in fails: wrong password, no server there, not a team server, a bad address', async () => {
    const gateway = createSyncGateway({ fetch, vault: memoryVault() })
    await expect(
      gateway.signIn({ serverUrl, username: 'riley', password: 'not the password' }),
    ).rejects.toThrow('The user name or password is not right.')
    await expect(
      gateway.signIn({ serverUrl: 'http://127.0.0.1:9', username: 'riley', password }),
    ).rejects.toThrow('cannot be reached')
    const other = createServer((_, response) => response.end('{"welcome":true}'))
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done))
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
    await expect(gateway.signIn({ serverUrl: otherUrl, username: 'riley', password })).rejects.toThrow(
      'is not a Critical Response team server',
    )
    other.close()
    await expect(
      gateway.signIn({ serverUrl: 'javascript:alert(1)', username: 'riley', password }),
    ).rejects.toThrow('http:// or https://')
    await expect(
      gateway.signIn({ serverUrl: 'http://riley:secret@example.test', username: 'riley', password }),
    ).rejects.toThrow('no user name, password')
    expect(await gateway.session()).toBeNull()
  })

  it('forgets a session the server no longer honours, so the analyst is asked to sign in', async () => {
    const vault = memoryVault()
    const gateway = createSyncGateway({ fetch, vault })
    await gateway.signIn({ serverUrl, username: 'riley', password })
    const token = (await vault.load())!.token
    await app.inject({ method: 'DELETE', url: '/v1/sessions', headers: { authorization: `Bearer ${token}` } })
    await expect(gateway.pull({ cursor: 0, limit: 10 })).rejects.toBeInstanceOf(SignedOutError)
    expect(await gateway.session()).toBeNull()
  })

  it('in the web host, keeps one session per browser profile behind an HttpOnly cookie, for its own page only', async () => {
    const handleSync = createWebHostSync()
    let origin = ''
    const host = createServer((request, response) =>
      handleSync(request, response, origin, request.url!.slice('/api/sync/'.length)),
    )
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done))
    origin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
    const post = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${origin}/api/sync/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
        body: JSON.stringify(body),
      })
    try {
      const signIn = await post('signIn', { serverUrl, username: 'riley', password })
      expect(signIn.status).toBe(200)
      const cookie = signIn.headers.get('set-cookie')!
      expect(cookie).toMatch(/HttpOnly; SameSite=Strict/)
      expect(await signIn.text()).not.toContain('token')
      const jar = { Cookie: cookie.split(';')[0]! }
      expect((await (await post('session', {}, jar)).json()).session.user.username).toBe('riley')
      // Another profile (no cookie) is not signed in.
      expect((await (await post('session', {})).json()).session).toBeNull()
      // Another site's page may not use it.
      expect((await post('session', {}, { ...jar, Origin: 'http://evil.test' })).status).toBe(403)
      const bad = await post('pull', { cursor: -1, limit: 10 }, jar)
      expect(bad.status).toBe(400)
      expect((await bad.json()).error).toMatch(/Invalid "sync:pull" request/)
      expect((await post('pull', { cursor: 0, limit: 10 }, jar)).status).toBe(200)
      const signedOut = await post('pull', { cursor: 0, limit: 10 })
      expect(signedOut.status).toBe(401)
    } finally {
      host.close()
    }
  })
})
