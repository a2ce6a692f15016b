import type { User } from '@server/accounts'
import type { Actor } from '@shared/domain'
import type { Change, Mutation, MutationResult } from '@shared/protocol/sync/protocol'
import type { TeamSettingKey } from '@shared/rules/settings/team-settings'
import type { TestDatabase } from '../fixtures/server-databases'
import { startTestServer } from '../fixtures/test-server'
import { caseFile, LEAD_TEAM_SETTINGS, teamSettingValue } from './synced-records'

/**
 * A real team server (the Fastify app over PGlite or PostgreSQL, driven over HTTP) with a team of
 * four: Riley, the analyst who tries every forgery; Sam, the analyst whose work she must not touch;
 * Lee, the lead, whose pull shows what the team really holds; and Ada, an admin. Each has a case
 * of their own, and one case waits in the unassigned queue.
 */

/** The server's clock: fixed, so a stamp is ahead of it or not by the test's say alone. */
export const SERVER_NOW = 1_800_000_000_000
const password = 'a long enough password'

export type Member = 'riley' | 'sam' | 'lee' | 'ada'
const TEAM: [Member, string, User['role']][] = [
  ['riley', 'Riley Chen', 'analyst'],
  ['sam', 'Sam Ortiz', 'analyst'],
  ['lee', 'Lee Park', 'lead'],
  ['ada', 'Ada Admin', 'admin'],
]

/** Each member's own case, assigned to them by the lead. */
export const CASE_OF: Record<Member, string> = {
  riley: 'case-riley',
  sam: 'case-sam',
  lee: 'case-lee',
  ada: 'case-ada',
}
export const QUEUE_CASE = 'case-queue'

/** A mutation before its client gives it an id. */
export type Draft = Omit<Mutation, 'mutationId'>
export type Rejection = Extract<MutationResult, { outcome: 'rejected' }>

/** A line of the server's audit, by the columns every version of the table has. */
export interface AuditRow {
  user_id: string | null
  action: string
  entity: string | null
  entity_id: string | null
  detail: string
}

/** A write of every field of `record`, each stamped `hlc`. */
export const writeOf = (
  entity: Draft['entity'],
  entityId: string,
  caseId: string | null,
  record: Record<string, unknown>,
  hlc: string,
): Draft => ({
  entity,
  entityId,
  caseId,
  fields: Object.fromEntries(
    Object.entries(record).map(([name, value]) => [name, { value: value as never, hlc }]),
  ),
  deleted: null,
})

/** A deletion of the record, stamped `hlc`. */
export const tombstoneOf = (
  entity: Draft['entity'],
  entityId: string,
  caseId: string | null,
  hlc: string,
): Draft => ({ entity, entityId, caseId, fields: {}, deleted: hlc })

/** Every value in a list appears in the other as often (the lines a push added to the audit). */
function linesAdded(before: AuditRow[], after: AuditRow[]): AuditRow[] {
  const key = (row: AuditRow) =>
    JSON.stringify([row.user_id, row.action, row.entity, row.entity_id, row.detail])
  const counts = new Map<string, number>()
  for (const row of before) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
  return after.filter((row) => {
    const left = counts.get(key(row)) ?? 0
    if (left > 0) counts.set(key(row), left - 1)
    return left === 0
  })
}

export async function openTeamServer(database: TestDatabase) {
  const { db } = database
  const server = await startTestServer(db, { syncNow: () => SERVER_NOW })
  const { app, accounts } = server
  const users = {} as Record<Member, User>
  for (const [member, displayName, role] of TEAM)
    users[member] = await accounts.createUser({ username: member, displayName, role, password }, null)
  const tokens = {} as Record<Member, string>
  for (const [member] of TEAM)
    tokens[member] = (
      await app.inject({ method: 'POST', url: '/v1/sessions', payload: { username: member, password } })
    ).json().token

  // Stamps count up from half an hour before the server's clock: a later write is always later.
  let millis = SERVER_NOW - 30 * 60_000
  const stamp = (node = 'workstation') => `${String(millis++).padStart(15, '0')}:0000:${node}`
  const lastMutationId = new Map<string, number>()
  const actor = (member: Member): Actor => ({ id: users[member].id, name: users[member].displayName })
  const authorization = (member: Member) => ({ authorization: `Bearer ${tokens[member]}` })

  /** One push under a client id with the mutation ids given, as a (possibly forged) client sends it. */
  async function pushAs(member: Member, clientId: string, mutations: Mutation[]): Promise<MutationResult[]> {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: authorization(member),
      payload: { clientId, mutations },
    })
    if (response.statusCode !== 200) throw new Error(`push answered ${response.statusCode}: ${response.body}`)
    return response.json().results
  }

  /** Pushes from the member's own workstation, numbering the mutations and sending 500 at a time. */
  async function push(member: Member, drafts: Draft[]): Promise<MutationResult[]> {
    const clientId = `${member}-laptop`
    const results: MutationResult[] = []
    for (let start = 0; start < drafts.length; start += 500) {
      const batch = drafts.slice(start, start + 500).map((draft) => {
        const mutationId = (lastMutationId.get(clientId) ?? 0) + 1
        lastMutationId.set(clientId, mutationId)
        return { ...draft, mutationId }
      })
      results.push(...(await pushAs(member, clientId, batch)))
    }
    return results
  }

  /** Everything this member's pull brings, by "entity/id". */
  async function pullAll(member: Member): Promise<Map<string, Change>> {
    const records = new Map<string, Change>()
    let cursor = 0
    for (;;) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/sync/pull',
        headers: authorization(member),
        payload: { cursor, limit: 1_000 },
      })
      const page = response.json() as { changes: Change[]; cursor: number; more: boolean }
      for (const change of page.changes) records.set(`${change.entity}/${change.entityId}`, change)
      cursor = page.cursor
      if (!page.more) return records
    }
  }

  const auditLines = async (action: string, entityIds: string[]) =>
    (
      await db.query<AuditRow>(
        'SELECT user_id, action, entity, entity_id, detail FROM server_audit WHERE action = $1 AND entity_id = ANY($2::text[])',
        [action, entityIds],
      )
    ).rows

  /**
   * Pushes and answers, for every refusal, whether the audit gained its `write-refused` line (by
   * this member, of this record, with the code and reason given): what is missing, and any line
   * added for a mutation that was not refused.
   */
  async function pushAudited(member: Member, drafts: Draft[]) {
    const ids = [...new Set(drafts.map((draft) => draft.entityId))]
    const before = await auditLines('write-refused', ids)
    const results = await push(member, drafts)
    const added = linesAdded(before, await auditLines('write-refused', ids))
    const missing: string[] = []
    results.forEach((result, index) => {
      if (result.outcome !== 'rejected') return
      const draft = drafts[index]!
      const line = added.findIndex(
        (row) =>
          row.user_id === users[member].id &&
          row.entity === draft.entity &&
          row.entity_id === draft.entityId &&
          row.detail === `${result.code}: ${result.reason}`,
      )
      if (line === -1) missing.push(`${draft.entity}/${draft.entityId}`)
      else added.splice(line, 1)
    })
    return { results, unaudited: missing, unexplained: added }
  }

  const blob = (member: Member, method: 'GET' | 'PUT', sha256: string, bytes?: Uint8Array) =>
    app.inject({
      method,
      url: `/v1/blobs/${sha256}`,
      headers: { ...authorization(member), ...(bytes ? { 'content-type': 'application/octet-stream' } : {}) },
      ...(bytes ? { payload: Buffer.from(bytes) } : {}),
    })

  // The lead opens everyone's case and the queue's, and sets every team setting.
  const lead = actor('lee')
  const opened = await push('lee', [
    ...TEAM.map(([member]) =>
      writeOf(
        'case',
        CASE_OF[member],
        CASE_OF[member],
        caseFile(CASE_OF[member], actor(member), `${member}’s case`, lead),
        stamp(),
      ),
    ),
    writeOf(
      'case',
      QUEUE_CASE,
      QUEUE_CASE,
      caseFile(QUEUE_CASE, null, 'Waiting in the queue', lead),
      stamp(),
    ),
    ...[...LEAD_TEAM_SETTINGS, 'lastHandoff' as TeamSettingKey].map((key) =>
      writeOf('teamSetting', key, null, { key, value: teamSettingValue(key, lead) }, stamp()),
    ),
  ])
  if (!opened.every((result) => result.outcome === 'applied'))
    throw new Error(`the lead could not open the team’s cases: ${JSON.stringify(opened)}`)

  return {
    db,
    users,
    actor,
    stamp,
    push,
    pushAs,
    pushAudited,
    pullAll,
    auditLines,
    getBlob: (member: Member, sha256: string) => blob(member, 'GET', sha256),
    putBlob: (member: Member, sha256: string, bytes: Uint8Array) => blob(member, 'PUT', sha256, bytes),
    /** The id the member's workstation gives its next mutation. */
    nextMutationId: (member: Member) => (lastMutationId.get(`${member}-laptop`) ?? 0) + 1,
    async close() {
      await server.close()
      await database.drop()
    },
  }
}
export type TeamServer = Awaited<ReturnType<typeof openTeamServer>>

/** What a lead's pull says of a record, without when it was last sequenced. */
export const contentOf = (change: Change | undefined) =>
  change && { caseId: change.caseId, fields: change.fields, deleted: change.deleted }
