import type { Change, MutationResult, RefusalCode, SyncEntity } from '@shared/protocol/sync/protocol'
import { SYNC_ENTITIES } from '@shared/protocol/sync/protocol'
import { SYNC_RECORD_SCHEMAS } from '@shared/protocol/sync/record-schemas'
import { type TeamSettingKey, TeamSettingSchema } from '@shared/rules/settings/team-settings'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_DATABASES } from '../fixtures/server-databases'
import {
  CASE_OF,
  contentOf,
  type Draft,
  type Member,
  openTeamServer,
  QUEUE_CASE,
  type TeamServer,
  tombstoneOf,
  writeOf,
} from './hostile-analyst'
import {
  CASE_RECORD_KINDS,
  type CaseRecordKind,
  caseFile,
  caseRecord,
  teamSettingValue,
} from './synced-records'

/**
 * Every role × every synced record kind × the case a mutation claims × the case the record is
 * stored under, for writes and tombstones, against the real server. The expected answer comes
 * from the rules below, stated on their own (not from the server's code): each refusal must carry
 * the code of a rule the mutation breaks and be audited, each allowed write must land where it
 * says, and nothing else the lead can see may change.
 */

type Role = 'analyst' | 'lead' | 'admin'
const ROLES: Role[] = ['analyst', 'lead', 'admin']
/** Who pushes for each role: Riley the analyst, Lee the lead, Ada the admin. */
const PUSHER: Record<Role, Member> = { analyst: 'riley', lead: 'lee', admin: 'ada' }

/** A case as seen by the pusher: their own, another analyst's (Sam's), or the unassigned queue's. */
type CaseKind = 'own' | 'other' | 'unassigned'
const CASE_KINDS: CaseKind[] = ['own', 'other', 'unassigned']
/** The case a mutation says it belongs to: a case of a kind, none at all, or (a case) itself. */
type Claim = CaseKind | 'none' | 'itself'
/** Where the record is before the push: not on the server, under a case of a kind, or (a team setting) under none. */
type Stored = CaseKind | 'not-stored' | 'team'
type Operation = 'write' | 'tombstone'

interface Cell {
  role: Role
  entity: SyncEntity
  claimed: Claim
  stored: Stored
  operation: Operation
  entityId: string
}

/** Analysts work the queue and their own cases; leads and admins every case. */
const mayWork = (role: Role, kind: CaseKind) => role !== 'analyst' || kind !== 'other'
const APPEND_ONLY: SyncEntity[] = ['custodyEvent', 'auditEntry', 'reportUpdate']

/**
 * The team's rules for one mutation: the refusal code of every rule it breaks (the server answers
 * with one of them), or none when it is applied.
 */
function brokenRules({ role, entity, claimed, stored, operation }: Cell): RefusalCode[] {
  const broken = new Set<RefusalCode>()
  // Custody, audit and report text lines are never removed, by anyone. (A deletion of a record the
  // server does not hold yet is kept: it may be the first news of a record another workstation is
  // about to send, and a deleted case grants nothing a new case would not.)
  if (operation === 'tombstone' && APPEND_ONLY.includes(entity)) broken.add('forbidden')
  if (entity === 'teamSetting') {
    // A team setting belongs to no case; only a lead or an admin changes one (but the handoff).
    if (claimed !== 'none') broken.add('invalid')
    else if (role === 'analyst') broken.add('forbidden')
  } else if (entity === 'case') {
    // A case travels as itself; one already on the server is written by those who may work it.
    if (claimed !== 'itself') broken.add('invalid')
    else if (stored !== 'not-stored' && stored !== 'team' && !mayWork(role, stored)) broken.add('forbidden')
  } else {
    // Any other record belongs to a case, which must be the writer's to work ...
    if (claimed === 'none' || claimed === 'itself') broken.add('invalid')
    else if (!mayWork(role, claimed)) broken.add('forbidden')
    if (stored !== 'not-stored' && stored !== 'team') {
      // ... and so must the case the server holds it under, whatever the mutation claims.
      if (!mayWork(role, stored)) broken.add('forbidden')
      // Custody, audit and report text lines are never changed or removed once stored, by anyone.
      if (APPEND_ONLY.includes(entity)) broken.add('forbidden')
      // A record moves to another case only by writing its caseId, which a tombstone does not.
      if (operation === 'tombstone' && claimed !== stored) broken.add('invalid')
    }
  }
  return [...broken]
}

const claimsFor = (entity: SyncEntity): Claim[] =>
  entity === 'case' ? ['itself', ...CASE_KINDS, 'none'] : [...CASE_KINDS, 'none']
const storedFor = (entity: SyncEntity): Stored[] =>
  entity === 'teamSetting' ? ['team'] : ['not-stored', ...CASE_KINDS]
/** Team settings have fixed ids: each claim tries a different one (all a lead's to change). */
const SETTING_FOR_CLAIM: Record<Claim, TeamSettingKey> = {
  own: 'policyLibrary',
  other: 'slaPolicy',
  unassigned: 'redactionProfiles',
  none: 'approvalThreshold',
  itself: 'emailTemplates',
}

function cellsOf(role: Role): Cell[] {
  const cells: Cell[] = []
  for (const entity of SYNC_ENTITIES)
    for (const claimed of claimsFor(entity))
      for (const stored of storedFor(entity))
        for (const operation of ['write', 'tombstone'] as Operation[])
          cells.push({
            role,
            entity,
            claimed,
            stored,
            operation,
            entityId:
              entity === 'teamSetting'
                ? SETTING_FOR_CLAIM[claimed]
                : `${role}-${entity}-claims-${claimed}-stored-${stored}-${operation}`,
          })
  return cells
}
const describeCell = (cell: Cell) =>
  `${cell.role} ${cell.operation}s ${cell.entity} claiming ${cell.claimed}, stored ${cell.stored}`

for (const backend of SERVER_DATABASES)
  describe(`the whole role × record × claimed case × stored case matrix on ${backend.name}`, () => {
    let server: TeamServer
    beforeAll(async () => {
      server = await openTeamServer(await backend.open())
    })
    afterAll(() => server.close())

    const caseOfKind = (role: Role, kind: CaseKind) =>
      kind === 'own' ? CASE_OF[PUSHER[role]] : kind === 'other' ? CASE_OF.sam : QUEUE_CASE
    const assigneeOfKind = (role: Role, kind: CaseKind) =>
      kind === 'own' ? server.actor(PUSHER[role]) : kind === 'other' ? server.actor('sam') : null
    const claimedCaseId = (cell: Cell): string | null =>
      cell.claimed === 'itself'
        ? cell.entityId
        : cell.claimed === 'none'
          ? null
          : caseOfKind(cell.role, cell.claimed)

    /** The lead files the record where the cell says it is stored. */
    function filed(cell: Cell): Draft | null {
      const { role, entity, stored, entityId } = cell
      if (stored === 'not-stored' || stored === 'team') return null
      const lead = server.actor('lee')
      if (entity === 'case')
        return writeOf(
          'case',
          entityId,
          entityId,
          caseFile(entityId, assigneeOfKind(role, stored), 'Filed', lead),
          server.stamp(),
        )
      const caseId = caseOfKind(role, stored)
      const record = caseRecord(entity as CaseRecordKind, {
        id: entityId,
        caseId,
        by: lead,
        words: 'As the lead filed it',
      })
      return writeOf(entity, entityId, caseId, record, server.stamp())
    }

    /** The pusher's mutation: a whole valid record naming the claimed case, or a tombstone. */
    function attempt(cell: Cell): Draft {
      const { role, entity, entityId, stored } = cell
      const caseId = claimedCaseId(cell)
      const hlc = server.stamp(PUSHER[role])
      if (cell.operation === 'tombstone') return tombstoneOf(entity, entityId, caseId, hlc)
      const by = server.actor(PUSHER[role])
      if (entity === 'teamSetting')
        return writeOf(
          entity,
          entityId,
          caseId,
          { key: entityId, value: teamSettingValue(entityId as TeamSettingKey, by) },
          hlc,
        )
      if (entity === 'case') {
        // The case keeps its assignee: the cell is about writing it, not handing it over.
        const assignee = stored === 'not-stored' || stored === 'team' ? null : assigneeOfKind(role, stored)
        return writeOf(
          entity,
          entityId,
          caseId,
          caseFile(entityId, assignee, `Retitled by the ${role}`, by),
          hlc,
        )
      }
      const words = `Rewritten by the ${role}`
      return writeOf(
        entity,
        entityId,
        caseId,
        caseRecord(entity, { id: entityId, caseId: caseId ?? '', by, words }),
        hlc,
      )
    }

    /** What is wrong with the server's answer to a cell, by the rules, or null when nothing is. */
    function answerProblem(cell: Cell, result: MutationResult, sent: Draft, after: Map<string, Change>) {
      const broken = brokenRules(cell)
      const stored = after.get(`${cell.entity}/${cell.entityId}`)
      if (broken.length === 0) {
        if (result.outcome !== 'applied') return `refused (${JSON.stringify(result)}), the rules allow it`
        // Applied where it says: the write's fields won, under the claimed case; the tombstone holds.
        const landed =
          stored?.caseId === (cell.entity === 'teamSetting' ? null : claimedCaseId(cell)) &&
          (sent.deleted
            ? stored.deleted === sent.deleted
            : Object.entries(sent.fields).every(([name, write]) => stored.fields[name]?.hlc === write.hlc))
        return landed ? null : `applied, but the lead pulls ${JSON.stringify(stored)}`
      }
      if (result.outcome !== 'rejected')
        return `${result.outcome}, the rules refuse it (${broken.join(' or ')})`
      if (!result.code || !broken.includes(result.code) || !result.reason)
        return `refused "${result.code}: ${result.reason}", expected ${broken.join(' or ')}`
      if (cell.stored === 'not-stored' && stored) return 'refused, yet the lead pulls the record'
      return null
    }

    it('covers every synced record kind with a valid record of it', () => {
      const by = { id: 'someone', name: 'Someone' }
      expect(new Set([...CASE_RECORD_KINDS, 'case', 'teamSetting'])).toEqual(new Set(SYNC_ENTITIES))
      for (const entity of CASE_RECORD_KINDS)
        expect(
          SYNC_RECORD_SCHEMAS[entity].safeParse(
            caseRecord(entity, { id: 'r-1', caseId: 'c-1', by, words: 'Words' }),
          ).error,
          entity,
        ).toBeUndefined()
      expect(SYNC_RECORD_SCHEMAS.case.safeParse(caseFile('c-1', by, 'A case', by)).error).toBeUndefined()
      for (const key of Object.values(SETTING_FOR_CLAIM))
        expect(
          TeamSettingSchema.safeParse({ key, value: teamSettingValue(key, by) }).error,
          key,
        ).toBeUndefined()
    })

    for (const role of ROLES)
      it(`${role}: every kind, claim and stored case answers as the rules say, audited, and changes nothing else`, async () => {
        const pusher = PUSHER[role]
        const cells = cellsOf(role)
        const filings = cells.map(filed).filter((draft): draft is Draft => draft !== null)
        const filedResults = await server.push('lee', filings)
        expect(filedResults.filter((result) => result.outcome !== 'applied')).toEqual([])

        const before = await server.pullAll('lee')
        const attempts = cells.map(attempt)
        const { results, unaudited, unexplained } = await server.pushAudited(pusher, attempts)
        const after = await server.pullAll('lee')

        const written = new Set(
          cells
            .filter((cell) => brokenRules(cell).length === 0)
            .map((cell) => `${cell.entity}/${cell.entityId}`),
        )
        const wrong = cells.flatMap((cell, index) => {
          const problem = answerProblem(cell, results[index]!, attempts[index]!, after)
          return problem ? [`${describeCell(cell)}: ${problem}`] : []
        })
        // Nothing else the lead can see changed: every record is as before but those the pusher might write.
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
          (key) =>
            !written.has(key) &&
            JSON.stringify(contentOf(before.get(key))) !== JSON.stringify(contentOf(after.get(key))),
        )
        expect({ wrong, unaudited, unexplained, changed }).toEqual({
          wrong: [],
          unaudited: [],
          unexplained: [],
          changed: [],
        })
        if (role === 'analyst') {
          const seen = [...(await server.pullAll(pusher)).values()].filter(
            (change: Change) => change.caseId === CASE_OF.sam || change.entityId === CASE_OF.sam,
          )
          expect(seen).toEqual([])
        }
      })
  })
