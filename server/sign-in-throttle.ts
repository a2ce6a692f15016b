import type { SqlClient } from './db/sql'

/**
 * How many wrong passwords in a row are free, how long the wait after each further one is (doubling
 * up to a cap), when an account locks until an admin unlocks it, and after how long without a wrong
 * password the count starts again. An office behind one address shares that address's count, so it
 * is looser than an account's and never locks.
 */
export const SIGN_IN_THROTTLE = {
  account: {
    freeFailures: 5,
    lockAfter: 10,
    firstWaitMs: 30_000,
    maxWaitMs: 15 * 60_000,
    forgetAfterMs: 24 * 3_600_000,
  },
  address: {
    freeFailures: 20,
    lockAfter: null,
    firstWaitMs: 30_000,
    maxWaitMs: 15 * 60_000,
    forgetAfterMs: 3_600_000,
  },
} as const

export type ThrottleScope = keyof typeof SIGN_IN_THROTTLE

/** Why a sign-in is refused before its password is even checked. */
export type ThrottleRefusal =
  | { refused: 'locked' }
  | { refused: 'waiting'; scope: ThrottleScope; until: Date }

/** An attempt let through, already counted as a failure until it proves to be right. */
export interface ThrottleCharge {
  /** Wrong passwords in a row for the account name, this attempt included. */
  accountFailures: number
  /** Set when this attempt, if wrong, locks the account. */
  locks: boolean
  /** The wait this attempt, if wrong, earns (the later of the account's and the address's). */
  wait: { scope: ThrottleScope; until: Date } | null
}

interface ThrottleRow {
  failures: number
  last_failure_at: Date | string | null
  blocked_until: Date | string | null
  locked_at: Date | string | null
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value))

/** The wait after the `failures`-th wrong password in a row: none while free, then doubling to a cap. */
export function waitAfter(scope: ThrottleScope, failures: number): number {
  const policy = SIGN_IN_THROTTLE[scope]
  if (failures < policy.freeFailures) return 0
  return Math.min(policy.firstWaitMs * 2 ** (failures - policy.freeFailures), policy.maxWaitMs)
}

/** "45 seconds", "3 minutes": how long to wait, for the person signing in. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  return `${Math.ceil(seconds / 60)} minutes`
}

/**
 * Sign-in throttling decided from the stored counts and the server's clock. Each attempt is counted
 * as a wrong one before its password is checked (and refunded when it was right), so attempts sent
 * in parallel cannot all slip through before the first failure is recorded.
 */
export function createSignInThrottle(db: SqlClient, now: () => Date) {
  /** Drops counts nobody needs any more: no lock, no wait, and no wrong password for a while. */
  const forgetOld = (at: Date) =>
    db.query(
      `DELETE FROM sign_in_throttle WHERE locked_at IS NULL AND (blocked_until IS NULL OR blocked_until < $1)
       AND ((kind = 'account' AND last_failure_at < $2) OR (kind = 'address' AND last_failure_at < $3))`,
      [
        at.toISOString(),
        new Date(at.getTime() - SIGN_IN_THROTTLE.account.forgetAfterMs).toISOString(),
        new Date(at.getTime() - SIGN_IN_THROTTLE.address.forgetAfterMs).toISOString(),
      ],
    )

  return {
    /** Refuses an account or address that must wait or is locked; otherwise counts the attempt. */
    async admit(username: string, address: string): Promise<ThrottleRefusal | ThrottleCharge> {
      const at = now()
      const decided = await db.transaction(async (tx) => {
        // Rows are locked account first, then address, in every transaction: no deadlock between processes.
        const row = async (scope: ThrottleScope, key: string) =>
          (
            await tx.query<ThrottleRow>(
              `INSERT INTO sign_in_throttle (kind, key) VALUES ($1, $2)
               ON CONFLICT (kind, key) DO UPDATE SET failures = sign_in_throttle.failures
               RETURNING failures, last_failure_at, blocked_until, locked_at`,
              [scope, key],
            )
          ).rows[0]!
        const stored = { account: await row('account', username), address: await row('address', address) }
        if (stored.account.locked_at !== null) return { refused: 'locked' } as const

        const waits = (['account', 'address'] as const)
          .map((scope) => ({ scope, until: instant(stored[scope].blocked_until) }))
          .filter(
            (wait): wait is { scope: ThrottleScope; until: Date } => wait.until !== null && wait.until > at,
          )
          .sort((a, b) => b.until.getTime() - a.until.getTime())
        if (waits[0]) return { refused: 'waiting', ...waits[0] } as const

        const counted = {} as Record<ThrottleScope, { failures: number; until: Date | null; locks: boolean }>
        for (const scope of ['account', 'address'] as const) {
          const last = instant(stored[scope].last_failure_at)
          const forgotten =
            last !== null && at.getTime() - last.getTime() > SIGN_IN_THROTTLE[scope].forgetAfterMs
          const failures = (forgotten ? 0 : stored[scope].failures) + 1
          const wait = waitAfter(scope, failures)
          const until = wait > 0 ? new Date(at.getTime() + wait) : null
          const lockAfter = SIGN_IN_THROTTLE[scope].lockAfter
          const locks = lockAfter !== null && failures >= lockAfter
          await tx.query(
            `UPDATE sign_in_throttle SET failures = $3, last_failure_at = $4, blocked_until = $5, locked_at = $6
             WHERE kind = $1 AND key = $2`,
            [
              scope,
              scope === 'account' ? username : address,
              failures,
              at.toISOString(),
              until?.toISOString() ?? null,
              locks ? at.toISOString() : null,
            ],
          )
          counted[scope] = { failures, until, locks }
        }
        const wait = (['account', 'address'] as const)
          .filter((scope) => counted[scope].until !== null)
          .map((scope) => ({ scope, until: counted[scope].until! }))
          .sort((a, b) => b.until.getTime() - a.until.getTime())[0]
        return {
          accountFailures: counted.account.failures,
          locks: counted.account.locks,
          wait: wait ?? null,
        } satisfies ThrottleCharge
      })
      await forgetOld(at)
      return decided
    },

    /**
     * The password was right: the account's count starts again, and the address gets its attempt
     * back (not its whole count, or one good account would let an address guess others' forever).
     */
    async refund(username: string, address: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(`DELETE FROM sign_in_throttle WHERE kind = 'account' AND key = $1`, [username])
        await tx.query(
          `UPDATE sign_in_throttle SET failures = GREATEST(failures - 1, 0), blocked_until = NULL
           WHERE kind = 'address' AND key = $1`,
          [address],
        )
      })
    },

    /** An admin's unlock, or a new account under a name guessed at before: no count, no wait, no lock. */
    async clearAccount(username: string): Promise<void> {
      await db.query(`DELETE FROM sign_in_throttle WHERE kind = 'account' AND key = $1`, [username])
    },
  }
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>
