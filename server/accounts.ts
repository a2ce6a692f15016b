import { createHash, randomBytes, randomUUID, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { z } from 'zod'
import type { SqlClient } from './db/sql'

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

export function createAccounts(db: SqlClient, now: () => Date) {
  const audit = (userId: string | null, action: string, detail = '') =>
    db.query('INSERT INTO server_audit (user_id, action, detail) VALUES ($1, $2, $3)', [
      userId,
      action,
      detail,
    ])

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
      await audit(by?.id ?? null, 'create-user', `${user.username} (${user.role})`)
      return user
    },

    /** A new session token for the right password; null for a wrong one (the same answer either way). */
    async signIn(
      username: string,
      password: string,
    ): Promise<{ token: string; user: User; expiresAt: Date } | null> {
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
      // A missing user costs the same work as a wrong password, so timing does not tell them apart.
      const valid = await verifyPassword(
        password,
        row?.password_hash ?? (await hashPassword('not a real password')),
      )
      if (!row || row.disabled || !valid) {
        await audit(row?.id ?? null, 'sign-in-refused', username)
        return null
      }
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(now().getTime() + SESSION_HOURS * 3_600_000)
      await db.query(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [tokenHash(token), row.id, now().toISOString(), expiresAt.toISOString()],
      )
      await audit(row.id, 'sign-in')
      return {
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
