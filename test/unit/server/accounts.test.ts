import {
  type Accounts,
  createAccounts,
  hashPassword,
  type SignInOutcome,
  verifyPassword,
} from '@server/accounts'
import { migrate } from '@server/db/migrate'
import { beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, PGLITE } from '../fixtures/server-databases'

const database = databasePerTest(PGLITE)
let accounts: Accounts
let clock = new Date('2026-11-25T08:00:00.000Z')

beforeEach(() => {
  clock = new Date('2026-11-25T08:00:00.000Z')
  accounts = createAccounts(database.db, () => clock)
})

const address = '198.51.100.7'
/** The session of a sign-in that must have worked. */
function signedIn(outcome: SignInOutcome) {
  if (outcome.outcome !== 'signed-in') throw new Error(`Expected a session, got ${outcome.outcome}`)
  return outcome
}

describe('server accounts', () => {
  it('migrates once: a second run applies nothing', async () => {
    const db = await database.unmigrated()
    const applied = await migrate(db)
    expect(applied.slice(0, 2)).toEqual(['001_initial.sql', '002_change_counter.sql'])
    expect(applied).toContain('005_sign_in_throttle.sql')
    expect(applied).toEqual([...applied].sort())
    expect(await migrate(db)).toEqual([])
  })

  it('stores passwords as salted scrypt hashes and checks them', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(hash).not.toContain('correct horse')
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true)
    expect(await verifyPassword('correct horse battery stable', hash)).toBe(false)
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash)
  })

  it('signs in with an opaque token stored only as its hash, which expires and can be revoked', async () => {
    await accounts.createUser(
      { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password: 'a long enough password' },
      null,
    )
    expect(await accounts.signIn('riley', 'the wrong password', address)).toEqual({ outcome: 'wrong' })
    expect(await accounts.signIn('nobody', 'a long enough password', address)).toEqual({ outcome: 'wrong' })
    const session = signedIn(await accounts.signIn('riley', 'a long enough password', address))
    expect(session.user).toMatchObject({ username: 'riley', role: 'analyst' })
    const stored = await database.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions')
    expect(stored.rows[0]?.token_hash).not.toBe(session.token)
    expect(await accounts.authenticate(session.token)).toMatchObject({ displayName: 'Riley Chen' })

    clock = new Date(clock.getTime() + 13 * 3_600_000)
    expect(await accounts.authenticate(session.token)).toBeNull()
    clock = new Date('2026-11-25T09:00:00.000Z')
    const second = signedIn(await accounts.signIn('riley', 'a long enough password', address))
    await accounts.signOut(second.token)
    expect(await accounts.authenticate(second.token)).toBeNull()
    const audit = await database.db.query<{ action: string }>('SELECT action FROM server_audit ORDER BY id')
    expect(audit.rows.map((row) => row.action)).toEqual([
      'create-user',
      'sign-in-refused',
      'sign-in-refused',
      'sign-in',
      'sign-in',
    ])
  })

  it('refuses short passwords, bad user names and taken ones, saying why', async () => {
    await expect(
      accounts.createUser({ username: 'riley', displayName: 'R', role: 'analyst', password: 'short' }, null),
    ).rejects.toThrow('a password has at least 12 characters')
    await expect(
      accounts.createUser(
        { username: 'Riley Chen', displayName: 'R', role: 'analyst', password: 'a long enough password' },
        null,
      ),
    ).rejects.toThrow(/user name/)
    await accounts.createUser(
      { username: 'riley', displayName: 'Riley', role: 'lead', password: 'a long enough password' },
      null,
    )
    await expect(
      accounts.createUser(
        { username: 'riley', displayName: 'Other', role: 'analyst', password: 'a long enough password' },
        null,
      ),
    ).rejects.toThrow('The user name "riley" is taken.')
  })
})
