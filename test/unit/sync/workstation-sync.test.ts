import { createSyncCapture } from '@db/middleware/sync-capture'
import { createRepositories } from '@db/repositories'
import { REPORT_TEXT_UPDATES_TABLE } from '@db/sync-tables'
import { createAccounts, type User } from '@server/accounts'
import { createSyncService, type SyncService } from '@server/sync-service'
import { SETTINGS } from '@shared/rules/settings/registry'
import { beforeEach, describe, expect, it } from 'vitest'
import { DexieYProvider } from 'y-dexie'
import type * as Y from 'yjs'
import { databasePerTest, PGLITE } from '../fixtures/server-databases'
import { type SyncedWorkstation, workstationsPerTest } from '../fixtures/synced-workstations'

const server = databasePerTest(PGLITE)
const workstations = workstationsPerTest()
let sync: SyncService
let lead: User
let riley: User

interface Workstation extends SyncedWorkstation {
  user: User
}

function workstation(user: User, clientId: string): Workstation {
  const station = workstations.syncing({ clientId, user, sync })
  // Joining a team server starts sending report text from here on.
  const joined = station.repositories.reportText.startSending()
  return { ...station, syncNow: async () => joined.then(station.syncNow), user }
}

const actor = (user: User) => ({ id: user.id, name: user.displayName })

beforeEach(async () => {
  const accounts = createAccounts(server.db, () => new Date())
  const password = 'a long enough password'
  lead = await accounts.createUser({ username: 'lee', displayName: 'Lee Park', role: 'lead', password }, null)
  riley = await accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password },
    null,
  )
  sync = createSyncService(server.db)
})

async function openCase(station: Workstation, title: string) {
  return station.repositories.cases.create(
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
      parties: [],
    } as never,
    actor(station.user),
  )
}

const assign = (station: Workstation, caseId: string, to: User) =>
  station.repositories.cases.update(
    caseId,
    { assigneeId: to.id, assigneeName: to.displayName },
    actor(station.user),
  )

/** The lead's and Riley's workstations, with a case the lead opened and assigned to Riley on both. */
async function caseAssignedToRiley(title: string) {
  const leadStation = workstation(lead, 'lee-laptop')
  const rileyStation = workstation(riley, 'riley-laptop')
  const opened = await openCase(leadStation, title)
  await assign(leadStation, opened.id, riley)
  await leadStation.syncNow()
  await rileyStation.syncNow()
  return { leadStation, rileyStation, opened }
}

describe('workstations syncing through the team server', () => {
  it('captures every write of a synced record in the outbox, in the same transaction', async () => {
    const leadStation = workstation(lead, 'lee-laptop')
    const opened = await openCase(leadStation, 'Broken gate at drop-off')
    const outbox = await leadStation.db.syncOutbox.toArray()
    expect(outbox.map((row) => row.entity)).toEqual(expect.arrayContaining(['case', 'task', 'auditEntry']))
    const caseRow = outbox.find((row) => row.entity === 'case')!
    expect(caseRow.caseId).toBe(opened.id)
    expect(caseRow.fields.title?.value).toBe('Broken gate at drop-off')
    expect(caseRow.fields).not.toHaveProperty('titleWords')
    // A second edit before sending folds into the same mutation.
    await leadStation.repositories.cases.update(opened.id, { summary: 'Gate hinge bent' }, actor(lead))
    const caseRows = (await leadStation.db.syncOutbox.toArray()).filter((row) => row.entity === 'case')
    expect(caseRows).toHaveLength(1)
    expect(caseRows[0]?.fields.summary?.value).toBe('Gate hinge bent')
  })

  it('keeps cases from before joining the team (and their records) on this workstation', async () => {
    const capture = createSyncCapture()
    const db = workstations.database(`sync-${crypto.randomUUID()}`, { capture })
    const repositories = createRepositories(db)
    const station = { db, repositories, syncNow: async () => {}, user: lead }
    const earlier = await openCase(station, 'Opened before joining')
    capture.start('lee-laptop')
    await repositories.cases.update(earlier.id, { summary: 'Edited after joining' }, actor(lead))
    const at = new Date().toISOString()
    await repositories.notes.add(
      {
        id: 'local-note',
        caseId: earlier.id,
        body: 'A note on the local case',
        author: actor(lead),
        createdAt: at,
        updatedAt: at,
      },
      actor(lead),
    )
    expect(await db.syncOutbox.count()).toBe(0)
    const shared = await openCase(station, 'Opened after joining')
    expect((await db.syncOutbox.toArray()).every((row) => row.caseId === shared.id)).toBe(true)
    expect(await db.syncOutbox.count()).toBeGreaterThan(0)
  })

  it('captures partial updates and deletions made after other awaits in a transaction', async () => {
    const station = workstation(lead, 'lee-laptop')
    const { db } = station
    const shared = await openCase(station, 'Shared case')
    await db.syncOutbox.clear()
    const note = { id: 'note-1', caseId: shared.id, body: 'First', createdAt: '2026-11-30T10:00:00.000Z' }
    await db.transaction('rw', db.notes, async () => {
      await db.notes.put(note as never)
      await db.notes.update('note-1', { body: 'Second' })
    })
    expect((await db.syncOutbox.toArray()).map((row) => row.fields.body?.value)).toEqual(['Second'])
    await db.syncOutbox.toCollection().modify({ state: 'sent' })
    await db.transaction('rw', db.notes, async () => {
      await db.notes.get('note-1')
      await db.notes.where('caseId').equals(shared.id).delete()
    })
    const [, deletion] = await db.syncOutbox.toArray()
    expect(deletion).toMatchObject({ entityId: 'note-1', state: 'pending', fields: {} })
    expect(deletion?.deleted).toMatch(/:lee-laptop$/)
  })

  it('brings a case a lead opened and assigned to the analyst, and the analyst’s work back to the lead', async () => {
    const leadStation = workstation(lead, 'lee-laptop')
    const rileyStation = workstation(riley, 'riley-laptop')
    const opened = await openCase(leadStation, 'Damaged fence at drop-off')
    await leadStation.repositories.cases.update(
      opened.id,
      { assigneeId: riley.id, assigneeName: riley.displayName },
      actor(lead),
    )
    await leadStation.syncNow()
    expect(await leadStation.db.syncOutbox.count()).toBe(0)

    await rileyStation.syncNow()
    const received = await rileyStation.repositories.cases.get(opened.id)
    expect(received).toMatchObject({ title: 'Damaged fence at drop-off', assigneeId: riley.id })
    expect(received?.slaDueAt).toBe(opened.slaDueAt)
    expect((await rileyStation.repositories.cases.search('fence')).map((c) => c.id)).toEqual([opened.id])
    expect(await rileyStation.repositories.tasks.listForCase(opened.id)).toHaveLength(
      (await leadStation.repositories.tasks.listForCase(opened.id)).length,
    )

    await rileyStation.repositories.cases.update(opened.id, { status: 'investigating' }, actor(riley))
    await rileyStation.syncNow()
    await leadStation.syncNow()
    expect((await leadStation.repositories.cases.get(opened.id))?.status).toBe('investigating')
    // Riley's audit lines travel with the case.
    const audit = await leadStation.repositories.audit.listForCase(opened.id)
    expect(audit.some((entry) => entry.actor.id === riley.id)).toBe(true)
  })

  it('moves a worked case to the top of "most recently updated" on every workstation, sending nothing back', async () => {
    const { leadStation, rileyStation, opened } = await caseAssignedToRiley('Gate left open')
    const later = await openCase(leadStation, 'Opened after it')
    await leadStation.syncNow()
    await rileyStation.syncNow()
    expect((await rileyStation.repositories.cases.queueCaseIds())[0]).toBe(later.id)

    const written = new Date().toISOString()
    await rileyStation.repositories.notes.add(
      {
        id: 'note-gate',
        caseId: opened.id,
        body: 'Spoke to the customer',
        author: actor(riley),
        createdAt: written,
        updatedAt: written,
      },
      actor(riley),
    )
    const [noted] = await rileyStation.repositories.audit.listForCase(opened.id)
    expect((await rileyStation.repositories.cases.get(opened.id))?.updatedAt).toBe(noted?.at)
    // The case's new time goes out with the note, as Riley's own change.
    const sent = (await rileyStation.db.syncOutbox.toArray()).find((row) => row.entity === 'case')
    expect(sent?.fields.updatedAt?.value).toBe(noted?.at)

    await rileyStation.syncNow()
    await leadStation.syncNow()
    expect((await leadStation.repositories.cases.get(opened.id))?.updatedAt).toBe(noted?.at)
    expect((await leadStation.repositories.cases.queueCaseIds())[0]).toBe(opened.id)
    expect(await leadStation.db.syncOutbox.count()).toBe(0)
  })

  it('merges offline edits field by field, and tells the workstation whose edit was overtaken', async () => {
    const { leadStation, rileyStation, opened } = await caseAssignedToRiley('Porch package taken')

    // Both offline: Riley changes the title first, the lead changes it later and also the summary.
    await rileyStation.repositories.cases.update(
      opened.id,
      { title: 'Porch package theft', location: 'Elm St' },
      actor(riley),
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    await leadStation.repositories.cases.update(opened.id, { title: 'Package theft (porch)' }, actor(lead))
    await leadStation.syncNow()
    await rileyStation.syncNow()
    await leadStation.syncNow()

    const leadCopy = await leadStation.repositories.cases.get(opened.id)
    const rileyCopy = await rileyStation.repositories.cases.get(opened.id)
    expect(leadCopy).toMatchObject({ title: 'Package theft (porch)', location: 'Elm St' })
    expect(rileyCopy).toMatchObject({ title: 'Package theft (porch)', location: 'Elm St' })
    const notices = (await rileyStation.repositories.audit.listForCase(opened.id)).filter(
      (entry) => entry.action === 'overtaken',
    )
    expect(notices).toHaveLength(1)
    expect(notices[0]?.summary).toContain('title')
  })

  it('keeps a refused change with its reason, and sends it again when retried', async () => {
    const { leadStation, rileyStation, opened } = await caseAssignedToRiley('Threat in delivery notes')
    // The lead takes the case back while Riley works offline.
    await assign(leadStation, opened.id, lead)
    await leadStation.syncNow()
    await rileyStation.repositories.cases.update(
      opened.id,
      { summary: 'Shopper reports a threat' },
      actor(riley),
    )
    await rileyStation.syncNow()
    const parked = await rileyStation.db.syncOutbox.where('state').equals('rejected').toArray()
    expect(parked.length).toBeGreaterThan(0)
    expect(parked[0]?.reason).toContain('assigned to another analyst')
    expect((await leadStation.repositories.cases.get(opened.id))?.summary).toBe('')
    const [shown] = await rileyStation.repositories.syncOutbox.refused()
    expect(JSON.parse(shown!.text)).toMatchObject({ summary: 'Shopper reports a threat' })
    expect(await rileyStation.repositories.syncOutbox.pendingCount()).toBeGreaterThan(0)

    // The lead hands it back; Riley retries and the change lands.
    await assign(leadStation, opened.id, riley)
    await leadStation.syncNow()
    for (const change of await rileyStation.repositories.syncOutbox.refused())
      await rileyStation.repositories.syncOutbox.retry(change.mutationId)
    await rileyStation.syncNow()
    expect(await rileyStation.repositories.syncOutbox.pendingCount()).toBe(0)
    await leadStation.syncNow()
    expect((await leadStation.repositories.cases.get(opened.id))?.summary).toBe('Shopper reports a threat')
  })

  it('shares a lead’s new SLA policy without sending the re-timed cases: each workstation re-times its own', async () => {
    const { leadStation, rileyStation, opened } = await caseAssignedToRiley('Shopper bitten by a dog')
    await leadStation.syncNow()
    expect(await leadStation.db.syncOutbox.count()).toBe(0)
    const policy = await leadStation.repositories.settings.read(SETTINGS.slaPolicy)
    const tighter = {
      ...policy,
      targets: {
        ...policy.targets,
        S2: {
          firstResponse: { amount: 10, unit: 'minutes' as const },
          resolution: { amount: 1, unit: 'days' as const },
        },
      },
    }
    expect(await leadStation.repositories.cases.applySlaPolicy(tighter, actor(lead))).toBeGreaterThan(0)
    const retimed = (await leadStation.repositories.cases.get(opened.id))!
    expect(retimed.slaDueAt).not.toBe(opened.slaDueAt)
    // The policy and its audit line go out; the re-timed cases do not.
    expect((await leadStation.db.syncOutbox.toArray()).map((row) => row.entity).sort()).toEqual([
      'auditEntry',
      'teamSetting',
    ])
    await leadStation.syncNow()
    await rileyStation.syncNow()
    expect(await rileyStation.repositories.settings.read(SETTINGS.slaPolicy)).toEqual(tighter)
    expect((await rileyStation.repositories.cases.get(opened.id))!.slaDueAt).toBe(retimed.slaDueAt)
    // A change Riley makes travels, and is timed alike on both.
    await rileyStation.repositories.cases.update(opened.id, { status: 'investigating' }, actor(riley))
    await rileyStation.syncNow()
    await leadStation.syncNow()
    const received = (await leadStation.repositories.cases.get(opened.id))!
    expect(received.status).toBe('investigating')
    expect(received.slaDueAt).toBe((await rileyStation.repositories.cases.get(opened.id))!.slaDueAt)
  })

  it('shares the team’s settings: a lead’s reach every analyst, anyone’s handoff reaches the team, the rest stays', async () => {
    const leadStation = workstation(lead, 'lee-laptop')
    const rileyStation = workstation(riley, 'riley-laptop')
    await leadStation.repositories.settings.save(SETTINGS.approvalThreshold, 500, actor(lead))
    await leadStation.repositories.settings.save(
      SETTINGS.outcomeMatrix,
      [{ clauseId: 'PD-1', severity: 'S2', outcomes: ['education'] }],
      actor(lead),
      'Outcome matrix: PD-1 at S2',
    )
    // The workstation's own settings stay on it.
    await leadStation.repositories.settings.save(SETTINGS.evidenceSizeLimit, 8 * 1024 ** 2, actor(lead))
    await leadStation.syncNow()
    await rileyStation.syncNow()
    expect(await rileyStation.repositories.settings.read(SETTINGS.approvalThreshold)).toBe(500)
    expect(await rileyStation.repositories.settings.read(SETTINGS.outcomeMatrix)).toEqual([
      { clauseId: 'PD-1', severity: 'S2', outcomes: ['education'] },
    ])
    expect(await rileyStation.repositories.settings.read(SETTINGS.evidenceSizeLimit)).toBe(2 * 1024 ** 3)
    // Who changed them travels too.
    const settingsAudit = (await rileyStation.db.auditEntries.toArray()).filter(
      (entry) => entry.entity === 'settings',
    )
    expect(settingsAudit.map((entry) => [entry.entityId, entry.actor.id]).sort()).toEqual([
      ['approvalThreshold', lead.id],
      ['outcomeMatrix', lead.id],
    ])

    // Riley ends a shift: the handoff reaches the lead's workstation.
    const handoff = {
      id: crypto.randomUUID(),
      writtenBy: actor(riley),
      writtenAt: '2026-11-30T17:00:00.000Z',
      shiftStartedAt: '2026-11-30T09:00:00.000Z',
      note: 'Call the retailer back about the fence.',
      casesTouched: [],
      statusChanges: [],
      openTasks: [],
      slasDue: [],
    }
    await rileyStation.repositories.handoff.save(handoff, actor(riley))
    await rileyStation.syncNow()
    await leadStation.syncNow()
    expect((await leadStation.repositories.handoff.lastHandoff())?.note).toBe(
      'Call the retailer back about the fence.',
    )

    // An analyst's change to the team's threshold is refused with its reason; the team's stands.
    await rileyStation.repositories.settings.save(SETTINGS.approvalThreshold, 10, actor(riley))
    await rileyStation.syncNow()
    const [refused] = await rileyStation.db.syncOutbox.where('state').equals('rejected').toArray()
    expect(refused?.reason).toContain('Only a lead or an admin changes the team’s settings')
    await leadStation.syncNow()
    expect(await leadStation.repositories.settings.read(SETTINGS.approvalThreshold)).toBe(500)
  })

  it('keeps a pulled record that does not read as its kind out of the app, with the reason', async () => {
    const { rileyStation, opened } = await caseAssignedToRiley('Note with no body')
    // A broken client (the lead's) pushed a note with no body on Riley's case; the server accepts
    // field shapes only.
    const hlc = '001764082800000:0000:broken-client'
    await sync.push(lead, {
      clientId: 'broken-client',
      mutations: [
        {
          mutationId: 1,
          entity: 'note',
          entityId: 'note-1',
          caseId: opened.id,
          fields: { id: { value: 'note-1', hlc }, caseId: { value: opened.id, hlc } },
          deleted: null,
        },
      ],
    })
    await rileyStation.syncNow()
    expect(await rileyStation.db.notes.get('note-1')).toBeUndefined()
    const unreadable = (await rileyStation.db.syncMeta.get('unreadable'))?.value as { problem: string }[]
    expect(unreadable[0]?.problem).toMatch(/A note from the server is not valid/)
  })

  it('merges two workstations’ concurrent edits of one report text, kept by y-dexie as Y.js updates', async () => {
    const leadStation = workstation(lead, 'lee-laptop')
    const rileyStation = workstation(riley, 'riley-laptop')
    const opened = await openCase(leadStation, 'Report merge')
    await assign(leadStation, opened.id, riley)
    const report = await leadStation.repositories.reports.create(
      {
        caseId: opened.id,
        title: 'Investigation report',
        templateId: 'property-damage',
        body: { type: 'doc', content: [{ type: 'paragraph' }] },
      },
      actor(lead),
    )
    /** The report's text on a workstation, its document loaded by y-dexie. */
    const loaded = async (station: Workstation) => {
      const doc = station.repositories.reportText.document(report.id)
      await DexieYProvider.load(doc).whenLoaded
      return doc
    }
    /** Edits the text and waits until y-dexie has stored the edit. */
    const edit = async (station: Workstation, change: (text: Y.Text) => void) => {
      const updates = station.db.table(REPORT_TEXT_UPDATES_TABLE)
      const before = await updates.count()
      change((await loaded(station)).getText('body'))
      await expect.poll(() => updates.count()).toBeGreaterThan(before)
    }
    await edit(leadStation, (text) => text.insert(0, 'Summary. Findings.'))
    await leadStation.syncNow()
    await rileyStation.syncNow()
    await expect
      .poll(async () => (await loaded(rileyStation)).getText('body').toString())
      .toBe('Summary. Findings.')

    // Each edits its own copy without seeing the other's.
    await edit(rileyStation, (text) => text.insert('Summary.'.length, ' Verbal threat.'))
    await edit(leadStation, (text) =>
      text.insert(text.toString().indexOf('Findings.') + 'Findings.'.length, ' Warning issued.'),
    )
    await rileyStation.syncNow()
    await leadStation.syncNow()
    await rileyStation.syncNow()

    const merged = 'Summary. Verbal threat. Findings. Warning issued.'
    await expect.poll(async () => (await loaded(leadStation)).getText('body').toString()).toBe(merged)
    await expect.poll(async () => (await loaded(rileyStation)).getText('body').toString()).toBe(merged)
  })
})
