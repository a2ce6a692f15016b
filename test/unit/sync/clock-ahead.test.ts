import type { WorkstationDatabase } from '@db/database'
import { SYNC_META_KEYS, type UnreadableRecord } from '@db/sync-tables'
import { createAccounts, type User } from '@server/accounts'
import { createSyncService, type SyncService } from '@server/sync-service'
import { createWorkstationSyncEngine } from '@services/team-sync/workstation-sync-engine'
import type { SyncState } from '@shared/protocol/sync/engine'
import { formatHlc, parseHlc } from '@shared/protocol/sync/hlc'
import type { Change, PullResponse } from '@shared/protocol/sync/protocol'
import { beforeEach, describe, expect, it } from 'vitest'
import { databasePerTest, PGLITE } from '../fixtures/server-databases'
import { workstationsPerTest } from '../fixtures/synced-workstations'
import { freshWorkstationPerTest } from '../fixtures/test-workstation'

const DAY = 86_400_000
const meta = async <T>(db: WorkstationDatabase, key: string) => (await db.syncMeta.get(key))?.value as T

describe('a pulled record stamped far in the future', () => {
  const station = freshWorkstationPerTest()
  const now = Date.parse('2026-11-24T10:00:00.000Z')
  const stamp = (millis: number, counter = 0) => formatHlc({ millis, counter, node: 'lee-laptop' })
  const note = (sequence: number, id: string, body: string, hlc: string): Change => {
    const values = {
      id,
      caseId: 'case-1',
      body,
      author: { id: 'lee', name: 'Lee Park' },
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
    }
    return {
      sequence,
      entity: 'note',
      entityId: id,
      caseId: 'case-1',
      fields: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, hlc }])),
      deleted: null,
    }
  }

  /** A workstation pulling `served` from a team server whose clock agrees with its own. */
  function pullingFrom(served: Change[]) {
    const states: SyncState[] = []
    const engine = createWorkstationSyncEngine(station.db, 'riley-laptop', {
      transport: {
        push: async () => ({ results: [], serverTime: now }),
        pull: async (request): Promise<PullResponse> => {
          const page = served.filter((change) => change.sequence > request.cursor)
          return {
            changes: page,
            cursor: page.at(-1)?.sequence ?? request.cursor,
            more: false,
            serverTime: now,
          }
        },
      },
      setTimer: () => () => {},
      onState: (state) => {
        states.push(state)
      },
      uploadBlob: async () => {},
      now: () => now,
    })
    return { engine, states }
  }

  it('keeps it out with the reason, applies the good ones around it and moves on; a later good version clears it', async () => {
    const served = [
      note(1, 'note-a', 'Gate found open', stamp(now - 60_000)),
      note(2, 'note-poisoned', 'Nobody may edit this again', '999999999999999:9999:x'),
      note(3, 'note-c', 'Retailer called back', stamp(now - 30_000)),
    ]
    const { engine, states } = pullingFrom(served)
    await engine.syncNow()

    expect(states.at(-1)?.kind).toBe('up-to-date')
    expect(await meta(station.db, SYNC_META_KEYS.cursor)).toBe(3)
    expect((await station.db.notes.toArray()).map((row) => row.id).sort()).toEqual(['note-a', 'note-c'])
    const [kept, ...others] = await station.repositories.syncOutbox.unreadable()
    expect(others).toEqual([])
    expect(kept).toMatchObject({ entity: 'note', entityId: 'note-poisoned' })
    expect(kept?.problem).toMatch(/^A note from the server \(note-poisoned\) is stamped [\d,]+ years ahead/)
    // Its stamps reached neither the clock nor the record's stamps.
    expect(parseHlc(await meta<string>(station.db, SYNC_META_KEYS.clock)).millis).toBeLessThanOrEqual(now)
    expect(await station.db.syncRecords.get(['note', 'note-poisoned'])).toBeUndefined()

    // The server's record is set right (a new sequence, a sound time): it applies and clears the entry.
    served.push(note(4, 'note-poisoned', 'Corrected by a lead', stamp(now - 10_000)))
    await engine.syncNow()
    expect((await station.db.notes.get('note-poisoned'))?.body).toBe('Corrected by a lead')
    expect(await station.repositories.syncOutbox.unreadable()).toEqual([])
    expect(await meta(station.db, SYNC_META_KEYS.cursor)).toBe(4)
  })

  it('does not let any other record that cannot be stored stop the pull either', async () => {
    // Within the allowed drift, but its counter is the clock's last: following it overflows the clock.
    const { engine, states } = pullingFrom([
      note(1, 'note-overflow', 'Stamped at the last counter', stamp(now + 1_000, 9_999)),
      note(2, 'note-b', 'Fence photographed', stamp(now - 1_000)),
    ])
    await engine.syncNow()
    expect(states.at(-1)?.kind).toBe('up-to-date')
    expect(await meta(station.db, SYNC_META_KEYS.cursor)).toBe(2)
    expect((await station.db.notes.get('note-b'))?.body).toBe('Fence photographed')
    expect(await station.db.notes.get('note-overflow')).toBeUndefined()
    const [kept] = await meta<UnreadableRecord[]>(station.db, SYNC_META_KEYS.unreadable)
    expect(kept?.problem).toMatch(
      /^A note from the server \(note-overflow\) could not be stored: Too many events/,
    )
  })
})

describe('a workstation whose clock runs a day fast', () => {
  const server = databasePerTest(PGLITE)
  const workstations = workstationsPerTest()
  let sync: SyncService
  let lead: User

  beforeEach(async () => {
    lead = await createAccounts(server.db, () => new Date()).createUser(
      { username: 'lee', displayName: 'Lee Park', role: 'lead', password: 'a long enough password' },
      null,
    )
    // The real sync service, on the real clock: it refuses stamps ahead of it.
    sync = createSyncService(server.db)
  })

  /** A workstation on `now`; `hideServerTime` makes the server's answers carry no time while set. */
  function workstation(clientId: string, now: () => number) {
    let hideServerTime = false
    const station = workstations.syncing({
      clientId,
      user: lead,
      sync,
      now,
      answer: (plain) => {
        if (hideServerTime) delete plain.serverTime
        return plain
      },
    })
    return {
      ...station,
      hideServerTime(hidden: boolean) {
        hideServerTime = hidden
      },
    }
  }

  const actor = { id: 'lee', name: 'Lee Park' }
  const openCase = (station: ReturnType<typeof workstation>, title: string) =>
    station.repositories.cases.create(
      {
        title,
        summary: '',
        category: 'property_damage',
        severity: 'S2',
        source: 'support',
        occurredAt: null,
        location: '',
        order: null,
        tags: [],
      } as never,
      actor,
    )
  /** The latest stamp in a workstation's outbox, as epoch ms. */
  const latestOutboxStamp = async (db: WorkstationDatabase) =>
    Math.max(
      ...(await db.syncOutbox.toArray()).flatMap((row) =>
        Object.values(row.fields).map((write) => parseHlc(write.hlc).millis),
      ),
    )

  it('has its refused writes re-stamped by the server’s time and sent again, and converges with the team', async () => {
    const laptop = workstation('lee-laptop', () => Date.now() + DAY)
    const desktop = workstation('lee-desktop', Date.now)
    const gate = await openCase(laptop, 'Gate left open')
    expect(await latestOutboxStamp(laptop.db)).toBeGreaterThan(Date.now() + DAY - 60_000)

    await laptop.syncNow()
    expect(await laptop.repositories.syncOutbox.refused()).toEqual([])
    expect(await laptop.repositories.syncOutbox.pendingCount()).toBe(0)
    expect(await meta<number>(laptop.db, SYNC_META_KEYS.clockOffset)).toBeLessThan(-DAY + 60_000)
    // The case's stamps on the laptop are the re-stamped ones, not a day ahead.
    const stamps = (await laptop.db.syncRecords.get(['case', gate.id]))!.stamps
    expect(parseHlc(stamps.title!).millis).toBeLessThan(Date.now() + 60_000)

    await desktop.syncNow()
    expect((await desktop.repositories.cases.get(gate.id))?.title).toBe('Gate left open')
    // A later edit elsewhere wins on the laptop too: its earlier one no longer stands a day ahead.
    await desktop.repositories.cases.update(gate.id, { title: 'Gate left open overnight' }, actor)
    await desktop.syncNow()
    await laptop.syncNow()
    expect((await laptop.repositories.cases.get(gate.id))?.title).toBe('Gate left open overnight')

    // From now on the laptop stamps by the server's time: its next edit goes at once.
    await laptop.repositories.cases.update(gate.id, { summary: 'Hinge bent' }, actor)
    expect(await latestOutboxStamp(laptop.db)).toBeLessThan(Date.now() + 60_000)
    await laptop.syncNow()
    expect(await laptop.repositories.syncOutbox.pendingCount()).toBe(0)
    await desktop.syncNow()
    expect(await desktop.repositories.cases.get(gate.id)).toMatchObject({
      title: 'Gate left open overnight',
      summary: 'Hinge bent',
    })
  })

  it('parks a write still refused after one re-stamp, with the server’s reason; Retry heals it', async () => {
    const laptop = workstation('lee-laptop', () => Date.now() + DAY)
    // A server that does not tell its time: re-stamping cannot correct anything.
    laptop.hideServerTime(true)
    const gate = await openCase(laptop, 'Package taken from porch')
    await laptop.syncNow()
    const refused = await laptop.repositories.syncOutbox.refused()
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((change) => /clock/.test(change.reason))).toBe(true)
    expect((await laptop.db.syncOutbox.toArray()).every((row) => row.restamped)).toBe(true)

    laptop.hideServerTime(false)
    for (const change of refused) await laptop.repositories.syncOutbox.retry(change.mutationId)
    await laptop.syncNow()
    expect(await laptop.repositories.syncOutbox.pendingCount()).toBe(0)
    const desktop = workstation('lee-desktop', Date.now)
    await desktop.syncNow()
    expect((await desktop.repositories.cases.get(gate.id))?.title).toBe('Package taken from porch')
  })
})
