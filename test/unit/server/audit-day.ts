import { createAccounts, type User } from '@server/accounts'
import type { SqlClient } from '@server/db/sql'
import { createSyncService, type SyncService } from '@server/sync-service'
import type { Mutation } from '@shared/protocol/sync/protocol'
import { expect } from 'vitest'

/** A day of a team's work on the server, for tests of its audit. */
export const PASSWORD = 'a long enough password'

const hlc = (millis: number, node: string) => `${String(millis).padStart(15, '0')}:0000:${node}`
export const write = (
  mutationId: number,
  entity: 'case' | 'note',
  entityId: string,
  caseId: string,
  fields: Record<string, unknown>,
  node: string,
): Mutation => ({
  mutationId,
  entity,
  entityId,
  caseId,
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      { value: value as never, hlc: hlc(1_000 + mutationId, node) },
    ]),
  ),
  deleted: null,
})

/** Accounts made (an admin too) and signed in to, a lead's cases, an analyst's note and another analyst's refused one. */
export async function workADay(
  db: SqlClient,
): Promise<{ riley: User; sam: User; lead: User; admin: User; sync: SyncService }> {
  const accounts = createAccounts(db, () => new Date())
  const riley = await accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password: PASSWORD },
    null,
  )
  const sam = await accounts.createUser(
    { username: 'sam', displayName: 'Sam Ortiz', role: 'analyst', password: PASSWORD },
    null,
  )
  const lead = await accounts.createUser(
    { username: 'lee', displayName: 'Lee Park', role: 'lead', password: PASSWORD },
    null,
  )
  const admin = await accounts.createUser(
    { username: 'ada', displayName: 'Ada Admin', role: 'admin', password: PASSWORD },
    null,
  )
  expect(await accounts.signIn('riley', 'not the password', '10.0.0.7')).toEqual({ outcome: 'wrong' })
  expect((await accounts.signIn('riley', PASSWORD, '10.0.0.7')).outcome).toBe('signed-in')
  const sync = createSyncService(db)
  await sync.push(lead, {
    clientId: 'lee-laptop',
    mutations: [
      write(1, 'case', 'case-1', 'case-1', { title: 'Mailbox', assigneeId: riley.id }, 'lee-laptop'),
      write(2, 'case', 'case-2', 'case-2', { title: 'Garage door', assigneeId: '' }, 'lee-laptop'),
    ],
  })
  const own = await sync.push(riley, {
    clientId: 'riley-laptop',
    mutations: [write(1, 'note', 'note-1', 'case-1', { body: 'Called the buyer' }, 'riley-laptop')],
  })
  expect(own.results[0]?.outcome).toBe('applied')
  const other = await sync.push(sam, {
    clientId: 'sam-laptop',
    mutations: [write(1, 'note', 'note-2', 'case-1', { body: 'Not my case' }, 'sam-laptop')],
  })
  expect(other.results[0]?.outcome).toBe('rejected')
  return { riley, sam, lead, admin, sync }
}
