import { createAccounts, type User } from '@server/accounts'
import { createSyncGateway, memoryVault, type SyncGateway } from '@shared/protocol/sync/gateway'
import { MAX_STAMP_AHEAD_MS, parseHlc } from '@shared/protocol/sync/hlc'
import type { FieldWrite } from '@shared/protocol/sync/protocol'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MemoryWorkstation, memoryWorkstation } from './memory-workstation'
import { type KillMoment, pushKiller } from './push-killer'
import {
  freePort,
  pgliteDatabase,
  postgresDatabase,
  type ServerDatabase,
  type ServerProcess,
  serverProcess,
} from './server-process'

/**
 * The convergence property over HTTP to a real server process (server/main.ts), on PGlite and on
 * PostgreSQL. Three workstations on the real sync engine, signed in as a lead and two analysts, one
 * clock three minutes slow and one a day fast, edit the fields of a few cases (some of them cases the
 * analyst may not write) while the server is killed with SIGKILL with pushes in flight and started
 * again on the same data, several times a run. Afterwards: every change the server acknowledged is
 * applied exactly once and wins or loses by its stamp, every refused one is parked on its workstation
 * with the reason and is nowhere on the server, and every workstation shows what the server holds of
 * the cases its user may read.
 *
 * fast-check generates each run's schedule (writes, syncs, pauses, and where in a push's time the
 * kill lands), with few runs and no shrinking: each run starts server processes, seconds apiece on a
 * busy machine. Where the kill lands in real time still varies from one execution to the next.
 */

const DAY = 86_400_000
const PASSWORD = 'a long enough password'
/** Kills with a push in flight per run (each followed by a restart on the same data). */
const KILLS_PER_RUN = 3
const RUNS_PER_DATABASE = 2

type Person = 'lee' | 'ana' | 'ben'
const PEOPLE: { person: Person; displayName: string; role: 'lead' | 'analyst'; clockSkewMs: number }[] = [
  { person: 'lee', displayName: 'Lee Park', role: 'lead', clockSkewMs: 0 },
  { person: 'ana', displayName: 'Ana Ruiz', role: 'analyst', clockSkewMs: -3 * 60_000 },
  // The server refuses this clock's stamps ('clock-ahead'); the workstation re-stamps them by its time.
  { person: 'ben', displayName: 'Ben Okafor', role: 'analyst', clockSkewMs: DAY },
]
/** Each run's cases: the unassigned queue, one assigned to Ana, one assigned to Ben. */
const CASES = ['queue', 'ana', 'ben'] as const
type CaseKind = (typeof CASES)[number]
const FIELDS = ['title', 'summary', 'location'] as const

/** The rule under test, stated apart from server/write-rules.ts: leads write every case, analysts the queue and their own. */
const mayWrite = (person: Person, kind: CaseKind) => person === 'lee' || kind === 'queue' || kind === person
/** Who reads a stored case: leads all, analysts the unassigned ones and their own. */
const mayRead = (person: Person, user: User, assigneeId: unknown) =>
  person === 'lee' || assigneeId === '' || assigneeId === user.id

type Step =
  | { kind: 'write'; who: number; case: number; field: (typeof FIELDS)[number] }
  | { kind: 'sync'; who: number }
  | { kind: 'pause'; ms: number }
/** One stretch of work ending in a kill of the server at a push in flight. */
interface Round {
  kill: KillMoment
  steps: Step[]
}

const who = fc.integer({ min: 0, max: PEOPLE.length - 1 })
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      who,
      case: fc.integer({ min: 0, max: CASES.length - 1 }),
      field: fc.constantFrom(...FIELDS),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), who }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }),
  },
)
const steps = fc.array(step, { minLength: 4, maxLength: 20 })
const killDuringPush: fc.Arbitrary<Round> = fc.record({
  kill: fc.record({
    kind: fc.constant('during' as const),
    fraction: fc.double({ min: 0, max: 1.5, noNaN: true }),
  }),
  steps,
})
const killAsAnswered: fc.Arbitrary<Round> = fc.record({
  kill: fc.constant({ kind: 'answered' as const }),
  steps,
})
/** A run's rounds: one kill loses an answer, the others land anywhere in a push, in any order. */
const rounds: fc.Arbitrary<Round[]> = fc
  .tuple(
    fc.array(killDuringPush, { minLength: KILLS_PER_RUN - 1, maxLength: KILLS_PER_RUN - 1 }),
    killAsAnswered,
    fc.nat(KILLS_PER_RUN - 1),
  )
  .map(([during, answered, at]) => during.toSpliced(at, 0, answered))

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Syncs every workstation in turn until two passes in a row find them all up to date with nothing waiting. */
async function syncUntilQuiet(stations: MemoryWorkstation[]) {
  let quietPasses = 0
  for (let pass = 0; pass < 30 && quietPasses < 2; pass++) {
    for (const station of stations) await station.engine.syncNow()
    const quiet = stations.every(
      (station) => station.state()?.kind === 'up-to-date' && station.outbox.every((entry) => entry.parked),
    )
    quietPasses = quiet ? quietPasses + 1 : 0
  }
  expect(stations.map((station) => [station.clientId, station.state()])).toEqual(
    stations.map((station) => [station.clientId, expect.objectContaining({ kind: 'up-to-date' })]),
  )
}

interface StoredCase {
  entity_id: string
  fields: Record<string, FieldWrite>
  deleted: string | null
}

function convergesOver(name: string, open: () => Promise<ServerDatabase> | ServerDatabase) {
  describe(`sync convergence over HTTP, ${name}`, () => {
    let database: ServerDatabase
    let server: ServerProcess
    let killer: ReturnType<typeof pushKiller>
    const users = {} as Record<Person, User>
    const gateways = {} as Record<Person, SyncGateway>
    let run = 0
    let caseNumber = 0

    beforeAll(async () => {
      database = await open()
      // Accounts are made on the database itself before the server runs (PGlite is single-process).
      await database.withDb(async (db) => {
        const accounts = createAccounts(db, () => new Date())
        for (const { person, displayName, role } of PEOPLE)
          users[person] = await accounts.createUser(
            { username: person, displayName, role, password: PASSWORD },
            null,
          )
      })
      server = serverProcess(database, await freePort())
      killer = pushKiller(server)
      await server.start()
      // One sign-in per account: sessions live in the database and outlast every kill.
      for (const { person } of PEOPLE) {
        gateways[person] = createSyncGateway({ fetch: killer.fetch, vault: memoryVault() })
        await gateways[person].signIn({ serverUrl: server.url, username: person, password: PASSWORD })
      }
    }, 240_000)
    afterAll(async () => {
      await server?.remove()
      await database?.drop()
    })

    async function oneRun(schedule: Round[]) {
      run++
      if (!server.running) await server.start()
      const prefix = `${name.toLowerCase()}-r${run}`
      const caseId = (kind: CaseKind) => `${prefix}-${kind}`
      const stations = PEOPLE.map(({ person, clockSkewMs }) =>
        memoryWorkstation({
          clientId: `${prefix}-${person}`,
          ownClock: () => Date.now() + clockSkewMs,
          transport: { push: gateways[person].push, pull: gateways[person].pull },
        }),
      )
      const [lead] = stations as [MemoryWorkstation]
      /** Which case each mutation wrote, per workstation, by mutation id. */
      const wrote = stations.map(() => new Map<number, CaseKind>())
      let edits = 0
      const edit = (index: number, kind: CaseKind, field: string) => {
        const mutation = stations[index]!.writeCaseField(
          caseId(kind),
          field,
          `${PEOPLE[index]!.person} ${++edits}`,
        )
        wrote[index]!.set(mutation.mutationId, kind)
      }

      // The lead opens the run's cases before anyone edits them (nobody writes a case not on the server).
      for (const kind of CASES) {
        const assignee = kind === 'queue' ? null : users[kind]
        const mutation = lead.createCase(caseId(kind), {
          id: caseId(kind),
          caseNumber: `CR-2026-${String(++caseNumber).padStart(6, '0')}`,
          title: `Chargeback dispute (${kind})`,
          summary: '',
          location: '',
          assigneeId: assignee?.id ?? '',
          assigneeName: assignee?.displayName ?? '',
        })
        wrote[0]!.set(mutation.mutationId, kind)
      }
      await syncUntilQuiet([lead])

      const killsBefore = killer.stats.kills
      const lostBefore = killer.lostAnswers.length
      for (const { kill, steps } of schedule) {
        killer.arm(kill)
        // Everyone has a change waiting (Ben's first ones stamped by his day-fast clock, before any answer).
        for (const index of stations.keys()) edit(index, 'queue', 'summary')
        const syncing: Promise<void>[] = []
        for (const action of steps) {
          if (action.kind === 'write') edit(action.who, CASES[action.case]!, action.field)
          else if (action.kind === 'sync') syncing.push(stations[action.who]!.engine.syncNow())
          else await sleep(action.ms)
        }
        // Pushes go on until the kill has landed on one in flight.
        while (!killer.fired) {
          for (const [index, station] of stations.entries())
            if (station.outbox.every((entry) => entry.parked)) edit(index, 'queue', 'location')
          await Promise.all(stations.map((station) => station.engine.syncNow()))
        }
        await killer.restarted()
        await Promise.all(syncing)
      }
      expect(killer.stats.kills - killsBefore).toBe(KILLS_PER_RUN)
      await syncUntilQuiet(stations)

      // PGlite is read only with the server stopped: killed once more, so the reading also finds
      // what a SIGKILL left.
      if (database.singleProcess) await server.kill()
      const runCases = CASES.map(caseId)
      const clientIds = stations.map((station) => station.clientId)
      const stored = await database.withDb(async (db) => ({
        cases: (
          await db.query<StoredCase>("SELECT entity_id, fields, deleted FROM records WHERE entity = 'case'")
        ).rows,
        otherRecords: (await db.query("SELECT 1 FROM records WHERE entity <> 'case'")).rows.length,
        seenMutations: (
          await db.query<{ client_id: string; mutation_id: string | number }>(
            'SELECT client_id, mutation_id FROM client_mutations WHERE client_id = ANY($1)',
            [clientIds],
          )
        ).rows,
        audit: (
          await db.query<{ user_id: string; action: string; entity_id: string; detail: string }>(
            'SELECT user_id, action, entity_id, detail FROM server_audit WHERE entity_id = ANY($1)',
            [runCases],
          )
        ).rows,
      }))
      const storedCases = new Map(stored.cases.map((row) => [row.entity_id, row]))
      expect(stored.otherRecords).toBe(0)

      for (const [index, station] of stations.entries()) {
        const { person } = PEOPLE[index]!
        const user = users[person]
        const acknowledgedIds = station.acknowledged.map((entry) => entry.mutation.mutationId)

        // Every change is acknowledged or parked with the server's reason, as the rules say.
        const outcome = (mutationId: number) => {
          if (acknowledgedIds.includes(mutationId)) return 'acknowledged'
          const parked = station.outbox.find((entry) => entry.mutation.mutationId === mutationId)?.parked
          if (!parked) return 'still waiting'
          return parked.reason.trim() ? `refused: ${parked.code}` : 'refused without a reason'
        }
        const ids = [...wrote[index]!.keys()]
        expect(ids.map((id) => [id, outcome(id)])).toEqual(
          ids.map((id) => [
            id,
            mayWrite(person, wrote[index]!.get(id)!) ? 'acknowledged' : 'refused: forbidden',
          ]),
        )
        expect(new Set(acknowledgedIds).size).toBe(acknowledgedIds.length)

        // The server recorded exactly the acknowledged ones as seen: none lost, none refused, none twice.
        const seen = stored.seenMutations
          .filter((row) => row.client_id === station.clientId)
          .map((row) => Number(row.mutation_id))
        expect(seen.sort((a, b) => a - b)).toEqual([...acknowledgedIds].sort((a, b) => a - b))

        // Each acknowledged change was applied once: one write line in the server's audit per change.
        for (const kind of CASES) {
          const writes = stored.audit.filter(
            (line) => line.user_id === user.id && line.entity_id === caseId(kind) && line.action === 'write',
          ).length
          const acknowledgedHere = station.acknowledged.filter(
            (entry) => wrote[index]!.get(entry.mutation.mutationId) === kind,
          ).length
          expect({ person, kind, writes }).toEqual({ person, kind, writes: acknowledgedHere })
        }
        // Each parked refusal is in the server's audit too.
        for (const entry of station.outbox) {
          const kind = wrote[index]!.get(entry.mutation.mutationId)!
          expect(
            stored.audit.some(
              (line) =>
                line.user_id === user.id &&
                line.entity_id === caseId(kind) &&
                line.action === 'write-refused' &&
                line.detail.startsWith(`${entry.parked?.code}:`),
            ),
          ).toBe(true)
        }
      }

      // A change applied whose answer was lost went again after the restart and was not applied again.
      const appliedUnanswered = killer.lostAnswers
        .slice(lostBefore)
        .flatMap(({ clientId, results }) =>
          results
            .filter((result) => result.outcome === 'applied')
            .map((result) => ({ clientId, mutationId: result.mutationId })),
        )
      expect(appliedUnanswered.length).toBeGreaterThan(0)
      const acknowledgedAs = ({ clientId, mutationId }: { clientId: string; mutationId: number }) =>
        stations
          .find((station) => station.clientId === clientId)
          ?.acknowledged.find((entry) => entry.mutation.mutationId === mutationId)?.outcome
      expect(appliedUnanswered.map((sent) => [sent, acknowledgedAs(sent)])).toEqual(
        appliedUnanswered.map((sent) => [sent, 'duplicate']),
      )

      // The day-fast clock was refused and healed: refused at least once, then stamped by the server's time.
      const ben = stations[2]!
      expect(ben.refusals.some((refusal) => refusal.code === 'clock-ahead')).toBe(true)
      expect(
        stored.audit.some(
          (line) =>
            line.user_id === users.ben.id &&
            line.action === 'write-refused' &&
            line.detail.startsWith('clock-ahead:'),
        ),
      ).toBe(true)
      expect(ben.acknowledged.length).toBeGreaterThan(0)

      // The server holds, field by field, the latest acknowledged write: last writer wins, nothing
      // acknowledged is lost, nothing refused or unacknowledged is there, no stamp from the future.
      const acknowledgedWrites = stations.flatMap((station) =>
        station.acknowledged.map((entry) => entry.mutation),
      )
      for (const kind of CASES) {
        const latest: Record<string, FieldWrite> = {}
        for (const mutation of acknowledgedWrites.filter((mutation) => mutation.entityId === caseId(kind)))
          for (const [field, write] of Object.entries(mutation.fields))
            if (!latest[field] || write.hlc > latest[field].hlc) latest[field] = write
        const record = storedCases.get(caseId(kind))
        expect({ kind, fields: record?.fields, deleted: record?.deleted }).toEqual({
          kind,
          fields: latest,
          deleted: null,
        })
        for (const write of Object.values(latest))
          expect(parseHlc(write.hlc).millis).toBeLessThanOrEqual(Date.now() + MAX_STAMP_AHEAD_MS)
      }

      // Every workstation shows what the server holds of the cases its user may read (every run's),
      // apart from its own parked refusals, which it keeps showing with their reason.
      for (const [index, station] of stations.entries()) {
        const { person } = PEOPLE[index]!
        // A field this workstation last wrote in a parked change is left out on both sides.
        const parkedStamps = new Set(
          station.outbox.flatMap((entry) => Object.values(entry.mutation.fields).map((write) => write.hlc)),
        )
        const parkedHere = (entityId: string, field: string) => {
          const write = station.records.get(entityId)?.fields[field]
          return write !== undefined && parkedStamps.has(write.hlc)
        }
        const withoutParked = (records: [string, Record<string, FieldWrite>][]) =>
          Object.fromEntries(
            records
              .map(([entityId, fields]) => [
                entityId,
                Object.fromEntries(Object.entries(fields).filter(([field]) => !parkedHere(entityId, field))),
              ])
              .filter(([, fields]) => Object.keys(fields as object).length > 0),
          )
        const expected = withoutParked(
          stored.cases
            .filter((row) => mayRead(person, users[person], row.fields.assigneeId?.value))
            .map((row) => [row.entity_id, row.fields]),
        )
        for (const record of station.records.values()) expect(record.deleted).toBeNull()
        const shown = withoutParked(
          [...station.records].map(([entityId, record]) => [entityId, record.fields]),
        )
        expect({ person, records: shown }).toEqual({ person, records: expected })
      }
    }

    it('applies every acknowledged change once, reports every refused one, and ends with every replica equal to the server', async () => {
      await fc.assert(fc.asyncProperty(rounds, oneRun), { numRuns: RUNS_PER_DATABASE, endOnFailure: true })
    }, 600_000)
  })
}

convergesOver('PGlite', pgliteDatabase)
convergesOver('PostgreSQL', postgresDatabase)
