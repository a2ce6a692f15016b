import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { z } from 'zod'
import { appendAudit } from './audit-log'
import type { SqlClient } from './db/sql'
import { createSignInThrottle, type ThrottleScope } from './sign-in-throttle'

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  length: number,
  options: object,
) => Promise<Buffer>

export const ROLES = ['analyst', 'lead', 'admin'] as const
export type Role = (typeof ROLES)[number]

export interface User {
  id: string
  username: string
  displayName: string
  role: Role
}

export const NewUserSchema = z.object({
  username: z
    .string()
    .regex(
      /^[a-z0-9._-]{3,40}$/,
      'a user name is 3–40 lowercase letters, digits, dots, dashes or underscores',
    ),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(12, 'a password has at least 12 characters').max(1_000),
})

/** Sessions last a working shift and a half; signing in again starts a new one. */
export const SESSION_HOURS = 12
const SCRYPT = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/** "scrypt$16384$8$1$<salt>$<hash>", both base64: the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(password, salt, 64, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  })
  return timingSafeEqual(actual, expected)
}

/** Tokens are opaque; only their SHA-256 is stored, so a copy of the database signs nobody in. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export class AccountError extends Error {
  override name = 'AccountError'
}

/**
 * How a sign-in ended. Refusals say the same for an unknown name as for a real one: the counts are
 * kept per name as typed, so a made-up name waits and locks exactly like an account.
 */
export type SignInOutcome =
  | { outcome: 'signed-in'; token: string; user: User; expiresAt: Date }
  | { outcome: 'wrong' }
  /** Too many wrong passwords in a row for the name or from the address: nothing is tried until `until`. */
  | { outcome: 'waiting'; scope: ThrottleScope; until: Date; retryAfterMs: number }
  /** Too many wrong passwords in a row for the name: even the right one is refused until an admin unlocks. */
  | { outcome: 'locked' }

export function createAccounts(db: SqlClient, now: () => Date) {
  const audit = (userId: string | null, action: string, detail = '') =>
    appendAudit(db, [{ userId, action, detail }])
  const throttle = createSignInThrottle(db, now)
  // Hashed once, ahead: checking a password against it costs what checking a real one does.
  const decoyHash = hashPassword(randomBytes(16).toString('base64'))
  const waiting = (wait: { scope: ThrottleScope; until: Date }) => ({
    scope: wait.scope,
    until: wait.until,
    retryAfterMs: wait.until.getTime() - now().getTime(),
  })

  return {
    async createUser(input: z.input<typeof NewUserSchema>, by: User | null): Promise<User> {
      const parsed = NewUserSchema.safeParse(input)
      if (!parsed.success)
        throw new AccountError(parsed.error.issues.map((issue) => issue.message).join('; '))
      const user: User = {
        id: randomUUID(),
        username: parsed.data.username,
        displayName: parsed.data.displayName,
        role: parsed.data.role,
      }
      const existing = await db.query('SELECT 1 FROM users WHERE username = $1', [user.username])
      if (existing.rows.length) throw new AccountError(`The user name "${user.username}" is taken.`)
      await db.query(
        'INSERT INTO users (id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5)',
        [user.id, user.username, user.displayName, user.role, await hashPassword(parsed.data.password)],
      )
      // Wrong passwords tried under this name before it existed are not the new account's.
      await throttle.clearAccount(user.username)
      await audit(by?.id ?? null, 'create-user', `${user.username} (${user.role})`)
      return user
    },

    /**
     * A new session token for the right password, unless the name or the client's address must wait
     * or the account is locked (then the password is not even checked). `address` is the client's
     * network address as the server sees it.
     */
    async signIn(username: string, password: string, address: string): Promise<SignInOutcome> {
      const found = await db.query<{
        id: string
        username: string
        display_name: string
        role: Role
        password_hash: string
        disabled: boolean
      }>('SELECT id, username, display_name, role, password_hash, disabled FROM users WHERE username = $1', [
        username,
      ])
      const row = found.rows[0]
      const who = `${username} from ${address}`
      const gate = await throttle.admit(username, address)
      if ('refused' in gate) {
        if (gate.refused === 'locked') {
          await audit(row?.id ?? null, 'sign-in-refused-locked', who)
          return { outcome: 'locked' }
        }
        await audit(
          row?.id ?? null,
          'sign-in-refused-waiting',
          `${who}: the ${gate.scope} waits until ${gate.until.toISOString()}`,
        )
        return { outcome: 'waiting', ...waiting(gate) }
      }
      // A missing user costs the same work as a wrong password, so timing does not tell them apart.
      const valid = await verifyPassword(password, row?.password_hash ?? (await decoyHash))
      if (!row || row.disabled || !valid) {
        const waits =
          gate.wait && !gate.locks
            ? `; the ${gate.wait.scope} waits until ${gate.wait.until.toISOString()}`
            : ''
        await audit(row?.id ?? null, 'sign-in-refused', `${who}: ${gate.accountFailures} in a row${waits}`)
        if (gate.locks) {
          await audit(
            row?.id ?? null,
            'account-locked',
            `${username} after ${gate.accountFailures} wrong passwords in a row, the last from ${address}`,
          )
          return { outcome: 'locked' }
        }
        return gate.wait ? { outcome: 'waiting', ...waiting(gate.wait) } : { outcome: 'wrong' }
      }
      await throttle.refund(username, address)
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(now().getTime() + SESSION_HOURS * 3_600_000)
      await db.query(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [tokenHash(token), row.id, now().toISOString(), expiresAt.toISOString()],
      )
      await audit(row.id, 'sign-in', who)
      return {
        outcome: 'signed-in',
        token,
        user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role },
        expiresAt,
      }
    },

    /** The user a token belongs to, if the session is current (not expired, revoked or disabled). */
    async authenticate(token: string): Promise<User | null> {
      const found = await db.query<{ id: string; username: string; display_name: string; role: Role }>(
        `SELECT users.id, users.username, users.display_name, users.role FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = $1 AND sessions.revoked_at IS NULL AND sessions.expires_at > $2 AND NOT users.disabled`,
        [tokenHash(token), now().toISOString()],
      )
      const row = found.rows[0]
      return row
        ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role }
        : null
    },

    /** Disables or re-enables a user; disabling ends every session they have. */
    async setDisabled(userId: string, disabled: boolean, by: User): Promise<boolean> {
      const changed = await db.query('UPDATE users SET disabled = $2 WHERE id = $1 RETURNING id', [
        userId,
        disabled,
      ])
      if (changed.rows.length === 0) return false
      if (disabled)
        await db.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [
          userId,
          now().toISOString(),
        ])
      await audit(by.id, disabled ? 'disable-user' : 'enable-user', userId)
      return true
    },

    /** Clears an account's wrong-password count, wait and lock (an admin's act, audited). */
    async unlock(userId: string, by: User): Promise<boolean> {
      const found = await db.query<{ username: string }>('SELECT username FROM users WHERE id = $1', [userId])
      const username = found.rows[0]?.username
      if (username === undefined) return false
      await throttle.clearAccount(username)
      await audit(by.id, 'unlock-user', `${username} (${userId})`)
      return true
    },

    /** The team's active members, for assigning cases and showing names. */
    async team(): Promise<User[]> {
      const found = await db.query<{ id: string; username: string; display_name: string; role: Role }>(
        'SELECT id, username, display_name, role FROM users WHERE NOT disabled ORDER BY display_name',
      )
      return found.rows.map((row) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
      }))
    },

    async signOut(token: string): Promise<void> {
      await db.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash(token),
        now().toISOString(),
      ])
    },
  }
}
export type Accounts = ReturnType<typeof createAccounts>
