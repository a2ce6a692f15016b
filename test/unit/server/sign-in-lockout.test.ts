import { openPostgres } from '@server/db/postgres'
import type { SqlClient } from '@server/db/sql'
import { createSyncGateway, memoryVault } from '@shared/protocol/sync/gateway'
import { afterEach, describe, expect, it } from 'vitest'
import { databasesPerTest, freshPostgres, PGLITE, SERVER_DATABASES } from '../fixtures/server-databases'
import { startTestServer } from '../fixtures/test-server'

const password = 'a long enough password'
/** Each sign-in hashes a password (scrypt) on purpose; these tests sign in dozens of times. */
const SIGN_INS_TIMEOUT = 120_000
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const databaseOn = databasesPerTest()
const pglite = databaseOn(PGLITE)

/** The server's clock, which the tests move. */
const clock = { now: new Date('2026-11-25T08:00:00.000Z') }
const later = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms)
}

/** One server process over `db`, on the shared test clock. */
async function serverProcess(db: SqlClient, options: { trustProxy?: string } = {}) {
  const { app, accounts, close } = await startTestServer(db, { now: () => clock.now, ...options })
  cleanups.push(close)
  const signIn = (username: string, pass: string, remoteAddress = '203.0.113.5', headers = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { username, password: pass },
      remoteAddress,
      headers,
    })
  return { app, accounts, signIn }
}

async function withTeam(db: SqlClient) {
  clock.now = new Date('2026-11-25T08:00:00.000Z')
  const server = await serverProcess(db)
  const riley = await server.accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password },
    null,
  )
  const ada = await server.accounts.createUser(
    { username: 'ada', displayName: 'Ada Admin', role: 'admin', password },
    null,
  )
  return { ...server, riley, ada }
}

const auditActions = async (db: SqlClient) =>
  (await db.query<{ action: string }>('SELECT action FROM server_audit ORDER BY id')).rows.map(
    (row) => row.action,
  )

for (const backend of SERVER_DATABASES)
  describe(`sign-in throttling on ${backend.name}`, { timeout: SIGN_INS_TIMEOUT }, () => {
    const database = databaseOn(backend)
    it('makes an account wait after 5 wrong passwords in a row, doubling, then locks it until an admin unlocks it', async () => {
      const { db } = database
      const { app, signIn, riley, ada } = await withTeam(db)

      for (let attempt = 1; attempt <= 4; attempt++)
        expect((await signIn('riley', 'guess')).statusCode, `attempt ${attempt}`).toBe(401)
      const fifth = await signIn('riley', 'guess')
      expect(fifth.statusCode).toBe(429)
      expect(fifth.headers['retry-after']).toBe('30')
      expect(fifth.json().error).toBe('Too many wrong passwords for this account: try again in 30 seconds.')
      // During the wait even the right password is refused, and says how long is left.
      later(10_000)
      const waiting = await signIn('riley', password)
      expect([waiting.statusCode, waiting.headers['retry-after']]).toEqual([429, '20'])
      expect(waiting.json().error).toMatch(/try again in 20 seconds/)

      // Each further wrong password doubles the wait: 60 s, 120 s, 240 s, 480 s.
      const waits: string[] = []
      for (let attempt = 6; attempt <= 9; attempt++) {
        later(24 * 60_000)
        waits.push((await signIn('riley', 'guess')).headers['retry-after'] as string)
      }
      expect(waits).toEqual(['60', '120', '240', '480'])
      later(10 * 60_000)
      const tenth = await signIn('riley', 'guess')
      expect(tenth.statusCode).toBe(423)
      expect(tenth.json().error).toMatch(/locked after too many wrong passwords.*an admin/)
      // Locked: a day later the right password is still refused.
      later(24 * 3_600_000)
      expect((await signIn('riley', password)).statusCode).toBe(423)

      // Only an admin unlocks; then the right password works at once.
      const adminToken = (await signIn('ada', password, '198.51.100.20')).json().token as string
      const unlocked = await app.inject({
        method: 'POST',
        url: `/v1/users/${riley.id}/unlock`,
        headers: { authorization: `Bearer ${adminToken}` },
      })
      expect(unlocked.statusCode).toBe(204)
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/v1/users/no-such-user/unlock',
            headers: { authorization: `Bearer ${adminToken}` },
          })
        ).statusCode,
      ).toBe(404)
      const back = await signIn('riley', password)
      expect(back.statusCode).toBe(200)
      const rileyToken = back.json().token as string
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/v1/users/${ada.id}/unlock`,
            headers: { authorization: `Bearer ${rileyToken}` },
          })
        ).statusCode,
      ).toBe(403)

      const actions = await auditActions(db)
      expect(actions.filter((action) => action === 'sign-in-refused')).toHaveLength(10)
      expect(actions.filter((action) => action === 'sign-in-refused-waiting')).toHaveLength(1)
      expect(actions.filter((action) => action === 'account-locked')).toHaveLength(1)
      expect(actions.filter((action) => action === 'sign-in-refused-locked')).toHaveLength(1)
      expect(actions.filter((action) => action === 'unlock-user')).toHaveLength(1)
      const unlock = await db.query<{ user_id: string; detail: string }>(
        "SELECT user_id, detail FROM server_audit WHERE action = 'unlock-user'",
      )
      expect(unlock.rows[0]).toMatchObject({ user_id: ada.id, detail: `riley (${riley.id})` })
    })

    it('answers an unknown name exactly as a real one, so the answers do not tell which names exist', async () => {
      const { db } = database
      const { signIn } = await withTeam(db)
      const answers = async (username: string, address: string) => {
        const seen: string[] = []
        for (let attempt = 1; attempt <= 11; attempt++) {
          const answer = await signIn(username, 'guess', address)
          seen.push(`${answer.statusCode} ${answer.headers['retry-after'] ?? '-'} ${answer.json().error}`)
          later(16 * 60_000)
        }
        return seen
      }
      const real = await answers('riley', '192.0.2.1')
      expect(real.at(-1)).toMatch(/^423/)
      expect(await answers('rilez', '192.0.2.2')).toEqual(real)
    })

    it('starts the count again after a right password', async () => {
      const { signIn } = await withTeam(database.db)
      for (let attempt = 1; attempt <= 4; attempt++) await signIn('riley', 'guess')
      expect((await signIn('riley', password)).statusCode).toBe(200)
      for (let attempt = 1; attempt <= 4; attempt++)
        expect((await signIn('riley', 'guess')).statusCode).toBe(401)
    })

    it('checks no more than the free tries when wrong passwords arrive all at once', async () => {
      const { db } = database
      const { signIn } = await withTeam(db)
      const answers = await Promise.all(Array.from({ length: 16 }, () => signIn('riley', 'guess')))
      const statuses = answers.map((answer) => answer.statusCode)
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(4)
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(12)
      expect((await auditActions(db)).filter((action) => action === 'sign-in-refused')).toHaveLength(5)
    })
  })

describe('sign-in throttling per client address', { timeout: SIGN_INS_TIMEOUT }, () => {
  it('makes an address wait after 20 wrong passwords in a row, whatever the names, and no other address', async () => {
    const { db } = pglite
    const { signIn } = await withTeam(db)
    for (let attempt = 1; attempt <= 19; attempt++)
      expect((await signIn(`name-${attempt}`, 'guess')).statusCode, `attempt ${attempt}`).toBe(401)
    const twentieth = await signIn('name-20', 'guess')
    expect([twentieth.statusCode, twentieth.headers['retry-after']]).toEqual([429, '30'])
    expect(twentieth.json().error).toBe(
      'Too many wrong passwords from this network address: try again in 30 seconds.',
    )
    // The right password from that address waits too; from another address it works.
    expect((await signIn('riley', password)).statusCode).toBe(429)
    expect((await signIn('riley', password, '198.51.100.30')).statusCode).toBe(200)
    later(31_000)
    expect((await signIn('riley', password)).statusCode).toBe(200)
  })

  it('takes the address from X-Forwarded-For only when the proxy it came through is trusted', async () => {
    const { db } = pglite
    clock.now = new Date('2026-11-25T08:00:00.000Z')
    const direct = await serverProcess(db)
    // Without TRUST_PROXY, a client naming another address for every guess is still one address.
    for (let attempt = 1; attempt <= 19; attempt++)
      await direct.signIn(`name-${attempt}`, 'guess', '203.0.113.9', {
        'x-forwarded-for': `10.0.0.${attempt}`,
      })
    expect(
      (await direct.signIn('name-20', 'guess', '203.0.113.9', { 'x-forwarded-for': '10.0.0.20' })).statusCode,
    ).toBe(429)

    const proxied = await serverProcess(db, { trustProxy: '127.0.0.1' })
    for (let attempt = 1; attempt <= 19; attempt++)
      await proxied.signIn(`name-${attempt}`, 'guess', '127.0.0.1', { 'x-forwarded-for': '192.0.2.77' })
    expect(
      (await proxied.signIn('name-20', 'guess', '127.0.0.1', { 'x-forwarded-for': '192.0.2.77' })).statusCode,
    ).toBe(429)
    // Another client behind the same proxy is not held up by that one's guesses.
    expect(
      (await proxied.signIn('name-21', 'guess', '127.0.0.1', { 'x-forwarded-for': '192.0.2.78' })).statusCode,
    ).toBe(401)
    const audit = await db.query<{ detail: string }>(
      "SELECT detail FROM server_audit WHERE action = 'sign-in-refused' ORDER BY id DESC LIMIT 1",
    )
    expect(audit.rows[0]?.detail).toMatch(/^name-21 from 192\.0\.2\.78: 1 in a row$/)
  })
})

describe('sign-in throttling across server processes', { timeout: SIGN_INS_TIMEOUT }, () => {
  it('is one count for every process over the database, and survives a restart', async () => {
    const shared = await freshPostgres()
    cleanups.push(shared.drop)
    const second = openPostgres(shared.url!)
    cleanups.push(() => second.close())
    const a = await withTeam(shared.db)
    const b = await serverProcess(second)
    for (let attempt = 1; attempt <= 5; attempt++)
      await (attempt % 2 ? a : b).signIn('riley', 'guess', `198.51.100.${attempt}`)
    // Five wrong passwords through two processes make the account wait on both.
    expect((await a.signIn('riley', password, '198.51.100.40')).statusCode).toBe(429)
    expect((await b.signIn('riley', password, '198.51.100.41')).statusCode).toBe(429)
    for (let attempt = 6; attempt <= 10; attempt++) {
      later(16 * 60_000)
      await b.signIn('riley', 'guess', `198.51.100.${attempt}`)
    }
    // A process started afterwards (a restart) finds the account locked.
    const reopened = openPostgres(shared.url!)
    cleanups.push(() => reopened.close())
    const restarted = await serverProcess(reopened)
    expect((await restarted.signIn('riley', password, '198.51.100.42')).statusCode).toBe(423)
  })

  it('shows the workstation the server’s words for a wait or a lockout', async () => {
    const { db } = pglite
    const { app } = await withTeam(db)
    const serverUrl = await app.listen({ host: '127.0.0.1', port: 0 })
    const gateway = createSyncGateway({ fetch, vault: memoryVault() })
    for (let attempt = 1; attempt <= 4; attempt++)
      await expect(
        gateway.signIn({ serverUrl, username: 'riley', password: 'not the password' }),
      ).rejects.toThrow('The user name or password is not right.')
    await expect(
      gateway.signIn({ serverUrl, username: 'riley', password: 'not the password' }),
    ).rejects.toThrow('Too many wrong passwords for this account: try again in 30 seconds.')
    for (let attempt = 6; attempt <= 10; attempt++) {
      later(16 * 60_000)
      await gateway.signIn({ serverUrl, username: 'riley', password: 'not the password' }).catch(() => {})
    }
    await expect(gateway.signIn({ serverUrl, username: 'riley', password })).rejects.toThrow(
      /This account is locked after too many wrong passwords in a row: an admin of the team server unlocks it\./,
    )
  })
})
