import { INVESTIGATION_CHECKLISTS, type NewCaseDraft } from '@shared/domain'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const draft: NewCaseDraft = {
  title: 'Mailbox knocked over at drop-off',
  summary: "The shopper's car hit the customer's mailbox.",
  category: 'property_damage',
  severity: 'S3',
  source: 'support',
  occurredAt: '2026-11-24T09:15:00.000Z',
  location: '14 Elm Street, Columbus, OH',
  order: {
    orderId: 'ORD-77120',
    retailer: 'FreshCo',
    storeName: 'FreshCo — Clintonville',
    deliveryAddress: '14 Elm Street, Columbus, OH',
    deliveryAt: '2026-11-24T09:10:00.000Z',
  },
  tags: [],
  parties: [
    {
      role: 'customer',
      name: 'Dana Okafor',
      accountId: 'C-1001',
      contact: { phone: '', email: 'dana@example.com', address: '' },
    },
    {
      role: 'shopper',
      name: 'Sam Ruiz',
      accountId: 'S-2002',
      contact: { phone: '', email: '', address: '' },
    },
  ],
}

describe('new case intake', () => {
  it('seeds the checklist of the category and records the parties named at intake', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    const tasks = await ws.repositories.tasks.listForCase(opened.id)
    expect(tasks.map((task) => task.title)).toEqual(INVESTIGATION_CHECKLISTS.property_damage)
    expect(tasks[0]!.title).toBe('Collect photos of the damage from the customer')
    const parties = await ws.repositories.parties.listForCase(opened.id)
    expect(parties.map((party) => `${party.role}:${party.name}:${party.accountId}`).sort()).toEqual([
      'customer:Dana Okafor:C-1001',
      'shopper:Sam Ruiz:S-2002',
    ])
    const audit = await ws.repositories.audit.listForCase(opened.id)
    expect(audit.map((entry) => entry.summary)).toContain('Added shopper Sam Ruiz')
  })

  it('rejects an invalid party at intake and opens nothing', async () => {
    const bad = {
      ...draft,
      parties: [{ ...draft.parties![0]!, contact: { phone: '', email: 'not-an-email', address: '' } }],
    }
    await expect(ws.repositories.cases.create(bad, analyst)).rejects.toThrow(/customer was not valid/)
    expect(await ws.repositories.cases.count()).toBe(0)
  })

  it('offers open cases on the same order or account as possible duplicates, not closed ones', async () => {
    const first = await ws.repositories.cases.create(draft, analyst)
    const other = await ws.repositories.cases.create(
      { ...draft, order: null, parties: [{ ...draft.parties![1]! }] },
      analyst,
    )
    const duplicates = await ws.repositories.cases.possibleDuplicates('ORD-77120', ['S-2002'])
    expect(duplicates.map((entry) => [entry.record.caseNumber, entry.reasons])).toEqual(
      expect.arrayContaining([
        [first.caseNumber, ['same order ORD-77120', 'same account S-2002 (Sam Ruiz)']],
        [other.caseNumber, ['same account S-2002 (Sam Ruiz)']],
      ]),
    )
    expect(await ws.repositories.cases.possibleDuplicates('ORD-00000', ['C-9999'])).toEqual([])

    await ws.repositories.cases.update(first.id, { status: 'triage' }, analyst)
    await ws.repositories.cases.update(first.id, { status: 'closed' }, analyst)
    const afterClosing = await ws.repositories.cases.possibleDuplicates('ORD-77120', [])
    expect(afterClosing).toEqual([])
  })

  it('lists prior cases of a party account, excluding the current case', async () => {
    const first = await ws.repositories.cases.create(draft, analyst)
    ws.clock = '2026-11-24T11:00:00.000Z'
    const second = await ws.repositories.cases.create({ ...draft, title: 'Second incident' }, analyst)
    const prior = await ws.repositories.parties.priorCases('C-1001', second.id)
    expect(prior.map((record) => record.id)).toEqual([first.id])
  })
})

describe('investigation checklist', () => {
  it('adds at the end, ticks off with who and when, reopens, and moves up and down', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    const added = await ws.repositories.tasks.add(opened.id, 'Call the customer back', analyst)
    let tasks = await ws.repositories.tasks.listForCase(opened.id)
    expect(tasks.at(-1)!.id).toBe(added.id)

    ws.clock = '2026-11-24T10:30:00.000Z'
    await ws.repositories.tasks.setDone(added.id, true, analyst)
    expect(await ws.repositories.tasks.get(added.id)).toMatchObject({
      done: true,
      doneAt: '2026-11-24T10:30:00.000Z',
      doneBy: analyst,
    })
    await ws.repositories.tasks.setDone(added.id, false, analyst)
    expect(await ws.repositories.tasks.get(added.id)).toMatchObject({
      done: false,
      doneAt: null,
      doneBy: null,
    })

    await ws.repositories.tasks.move(added.id, 'up', analyst)
    tasks = await ws.repositories.tasks.listForCase(opened.id)
    expect(tasks.at(-2)!.id).toBe(added.id)
    await ws.repositories.tasks.move(tasks[0]!.id, 'up', analyst) // already first: nothing moves
    expect((await ws.repositories.tasks.listForCase(opened.id)).map((task) => task.id)).toEqual(
      tasks.map((task) => task.id),
    )
    await expect(ws.repositories.tasks.add(opened.id, '   ', analyst)).rejects.toThrow(/needs a title/)
  })
})

describe('communications', () => {
  it('logs a call with its timeline entry and audit line in one go', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    const [customer] = await ws.repositories.parties.listForCase(opened.id)
    await ws.repositories.communications.log(
      {
        caseId: opened.id,
        partyId: customer!.id,
        channel: 'phone',
        direction: 'outbound',
        occurredAt: '2026-11-24T10:20:00.000Z',
        durationSeconds: 720,
        outcome: 'reached',
        subject: '',
        body: 'Customer confirmed the time of delivery.',
        templateId: null,
      },
      customer!.name,
      analyst,
    )
    const timeline = await ws.repositories.timeline.listForCase(opened.id)
    expect(timeline.at(-1)).toMatchObject({
      kind: 'communication',
      title: `Call to ${customer!.name} — Reached, 12 min`,
      detail: 'Customer confirmed the time of delivery.',
    })
    const audit = await ws.repositories.audit.listForCase(opened.id)
    expect(audit.map((entry) => entry.summary)).toContain('Added outgoing call — reached, 12 min')
  })

  it('refuses a call with a negative duration and logs nothing', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    await expect(
      ws.repositories.communications.log(
        {
          caseId: opened.id,
          partyId: null,
          channel: 'phone',
          direction: 'inbound',
          occurredAt: '2026-11-24T10:20:00.000Z',
          durationSeconds: -5,
          outcome: 'reached',
          subject: '',
          body: '',
          templateId: null,
        },
        null,
        analyst,
      ),
    ).rejects.toThrow(/was not logged/)
    expect(await ws.repositories.communications.listForCase(opened.id)).toEqual([])
  })
})
