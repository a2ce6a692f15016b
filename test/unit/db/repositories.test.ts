import type { NewCaseDraft } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { NO_SLA_DUE } from '@shared/rules/sla/case-sla'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const draft: NewCaseDraft = {
  title: 'Dog bite on customer steps',
  summary: 'Shopper reports a bite while leaving the order at the door.',
  category: 'injury_safety',
  severity: 'S2',
  source: 'safety_hotline',
  occurredAt: '2026-11-24T09:15:00.000Z',
  location: '2 Birch Court, Halifax, NS',
  order: null,
  tags: [],
}

describe('case repository', () => {
  it('allocates sequential case numbers and stamps the default SLA', async () => {
    const first = await ws.repositories.cases.create(draft, analyst)
    const second = await ws.repositories.cases.create({ ...draft, severity: 'S1' }, analyst)
    expect([first.caseNumber, second.caseNumber]).toEqual(['CR-2026-000001', 'CR-2026-000002'])
    expect(first.status).toBe('new')
    expect(first.assigneeId).toBe('')
    // S2 first response within 4 h, S1 within 1 h; at risk with 25% of the time left.
    expect(first.slaEvents).toEqual([
      { type: 'opened', at: '2026-11-24T10:00:00.000Z', status: 'new', severity: 'S2' },
    ])
    expect(first.slaDueAt).toBe('2026-11-24T14:00:00.000Z')
    expect(second.slaDueAt).toBe('2026-11-24T11:00:00.000Z')
    expect(second.slaAtRiskAt).toBe('2026-11-24T10:45:00.000Z')
    expect((await ws.repositories.timeline.listForCase(first.id)).map((event) => event.title)).toEqual([
      'Case opened',
    ])
  })

  it('records every changed field in the audit log with before and after', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    ws.clock = '2026-11-24T10:05:00.000Z'
    await ws.repositories.cases.update(
      opened.id,
      { status: 'triage', assigneeId: analyst.id, assigneeName: analyst.name },
      analyst,
    )
    const [latest, created] = await ws.repositories.audit.listForCase(opened.id)
    expect(created?.action).toBe('create')
    expect(latest?.action).toBe('update')
    expect(latest?.actor).toEqual(analyst)
    const byField = Object.fromEntries(latest!.changes.map((change) => [change.field, change]))
    expect(byField.status).toEqual({ field: 'status', before: 'new', after: 'triage' })
    expect(byField.assigneeName).toEqual({ field: 'assigneeName', before: '', after: 'Riley Chen' })
    // Leaving "new" is the first response: the queue now sorts the case by its resolution target.
    const updated = await ws.repositories.cases.get(opened.id)
    expect(updated?.slaEvents.at(-1)).toEqual({
      type: 'status',
      at: '2026-11-24T10:05:00.000Z',
      status: 'triage',
    })
    expect(updated?.slaDueAt).toBe('2026-11-27T10:00:00.000Z')
    expect((await ws.repositories.timeline.listForCase(opened.id)).map((event) => event.title)).toContain(
      'Status: New → Triage',
    )
  })

  it('refuses a status change the workflow does not allow, and writes nothing', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    await expect(ws.repositories.cases.update(opened.id, { status: 'resolved' }, analyst)).rejects.toThrow(
      'A case cannot go from New to Resolved.',
    )
    expect((await ws.repositories.cases.get(opened.id))?.status).toBe('new')
    expect(await ws.repositories.audit.listForCase(opened.id)).toHaveLength(1)
  })

  it('refuses an invalid change with the field named, and writes nothing', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    await expect(ws.repositories.cases.update(opened.id, { title: '   ' }, analyst)).rejects.toThrow(/title/)
    expect(await ws.repositories.audit.listForCase(opened.id)).toHaveLength(1)
  })

  it('lists the queue most recently updated first and finds cases by number, order id and title', async () => {
    const a = await ws.repositories.cases.create(draft, analyst)
    ws.clock = '2026-11-24T11:00:00.000Z'
    const b = await ws.repositories.cases.create(
      {
        ...draft,
        title: 'Garage door struck by shopper vehicle',
        category: 'property_damage',
        order: {
          orderId: 'ORD-5550001234',
          retailer: 'Northgate Fresh Market',
          storeName: 'Northgate #214',
          deliveryAddress: '',
          deliveryAt: null,
        },
      },
      analyst,
    )
    expect(await ws.repositories.cases.queueCaseIds()).toEqual([b.id, a.id])
    // The top of the queue alone, for painting the first rows before every key is read.
    expect(await ws.repositories.cases.queueCaseIds(1)).toEqual([b.id])
    expect((await ws.repositories.cases.search('cr-2026-000002')).map((c) => c.id)).toEqual([b.id])
    expect((await ws.repositories.cases.search('ORD-555')).map((c) => c.id)).toEqual([b.id])
    expect((await ws.repositories.cases.search('dog bite')).map((c) => c.id)).toEqual([a.id])
    // Title words match as prefixes, in any order, from the title word index.
    expect((await ws.repositories.cases.search('veh gar')).map((c) => c.id)).toEqual([b.id])
    expect((await ws.repositories.cases.search('door bite')).map((c) => c.id)).toEqual([])
    expect((await ws.repositories.cases.search('ON')).map((c) => c.id)).toEqual([a.id])
    expect(await ws.repositories.cases.search('   ')).toEqual([])
    // A changed title is searchable under its new words at once, and no longer under the old ones.
    await ws.repositories.cases.update(a.id, { title: 'Slip on icy steps' }, analyst)
    expect((await ws.repositories.cases.search('icy')).map((c) => c.id)).toEqual([a.id])
    expect(await ws.repositories.cases.search('dog')).toEqual([])
  })

  it('pauses the SLA on "awaiting party" and keeps derived SLA fields out of the audit tab', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    ws.clock = '2026-11-24T10:30:00.000Z'
    await ws.repositories.cases.update(opened.id, { status: 'investigating' }, analyst)
    ws.clock = '2026-11-24T11:00:00.000Z'
    const waiting = await ws.repositories.cases.update(opened.id, { status: 'awaiting_party' }, analyst)
    // No running clock: sorts after every due case and is never at risk.
    expect(waiting.slaDueAt).toBe(NO_SLA_DUE)
    expect(waiting.slaAtRiskAt).toBe(NO_SLA_DUE)
    ws.clock = '2026-11-24T15:00:00.000Z'
    const resumed = await ws.repositories.cases.update(opened.id, { status: 'investigating' }, analyst)
    // S2 resolution 72 h, 1 h used before the 4 h pause.
    expect(resumed.slaDueAt).toBe('2026-11-27T14:00:00.000Z')
    const [latest] = await ws.repositories.audit.listForCase(opened.id)
    expect(latest!.changes.map((change) => change.field)).toEqual(['status'])
  })

  it('re-times open cases when a new SLA policy is applied, and rejects an invalid one whole', async () => {
    const open = await ws.repositories.cases.create(draft, analyst)
    const faster = structuredClone(DEFAULT_SLA_POLICY)
    faster.targets.S2.firstResponse = { amount: 90, unit: 'minutes' }
    expect(await ws.repositories.cases.applySlaPolicy(faster, analyst)).toBe(1)
    expect((await ws.repositories.cases.get(open.id))?.slaDueAt).toBe('2026-11-24T11:30:00.000Z')
    expect(await ws.repositories.settings.read(SETTINGS.slaPolicy)).toEqual(faster)

    const broken = structuredClone(faster)
    broken.targets.S2.firstResponse.amount = -1
    await expect(ws.repositories.cases.applySlaPolicy(broken, analyst)).rejects.toThrow(
      /SLA policy was not saved/,
    )
    expect(await ws.repositories.settings.read(SETTINGS.slaPolicy)).toEqual(faster)
    expect((await ws.repositories.cases.get(open.id))?.slaDueAt).toBe('2026-11-24T11:30:00.000Z')
  })
})

describe('per-case records', () => {
  it('audits add, update and remove of a party in the same transaction as the write', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    const party = {
      id: 'party-1',
      caseId: opened.id,
      role: 'shopper' as const,
      name: 'Luis Ferreira',
      accountId: 'S-77',
      // Phones are kept as E.164 (shared/domain/contact.ts).
      contact: { phone: '+16145550100', email: '', address: '' },
      notes: '',
      createdAt: ws.clock,
      updatedAt: ws.clock,
    }
    await ws.repositories.parties.add(party, analyst)
    await ws.repositories.parties.update(
      'party-1',
      { contact: { ...party.contact, phone: '(614) 555-0199' } },
      analyst,
    )
    await ws.repositories.parties.remove('party-1', analyst)
    const entries = (await ws.repositories.audit.listForCase(opened.id)).filter(
      (entry) => entry.entity === 'party',
    )
    expect(entries.map((entry) => entry.action).sort()).toEqual(['create', 'delete', 'update'])
    const update = entries.find((entry) => entry.action === 'update')!
    expect(update.summary).toBe('Changed shopper Luis Ferreira')
    expect(update.changes).toEqual([
      { field: 'contact', before: party.contact, after: { ...party.contact, phone: '+16145550199' } },
    ])
    expect(await ws.repositories.parties.listForCase(opened.id)).toEqual([])
  })

  it('leaves neither the record nor an audit line when the write fails', async () => {
    const opened = await ws.repositories.cases.create(draft, analyst)
    const original = ws.db.auditEntries.add.bind(ws.db.auditEntries)
    ws.db.auditEntries.add = (() => Promise.reject(new Error('disk error'))) as never
    await expect(
      ws.repositories.notes.add(
        {
          id: 'n1',
          caseId: opened.id,
          body: 'Called the customer',
          author: analyst,
          createdAt: ws.clock,
          updatedAt: ws.clock,
        },
        analyst,
      ),
    ).rejects.toThrow('disk error')
    ws.db.auditEntries.add = original
    expect(await ws.repositories.notes.listForCase(opened.id)).toEqual([])
  })

  it('turns a full disk into a clear message and saves nothing', async () => {
    ws.db.auditEntries.add = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as never
    await expect(ws.repositories.cases.create(draft, analyst)).rejects.toThrow(
      /^The local case database is full.*Nothing from this operation was saved\./,
    )
    expect(await ws.repositories.cases.count()).toBe(0)
  })
})

describe('settings', () => {
  it('remembers who is working, audited', async () => {
    expect(await ws.repositories.settings.read(SETTINGS.analyst)).toBeNull()
    await ws.repositories.settings.saveAnalyst({ id: ' analyst-017 ', name: 'Riley Chen ' })
    expect(await ws.repositories.settings.read(SETTINGS.analyst)).toEqual(analyst)
    expect(await ws.repositories.audit.listForCase('')).toHaveLength(1)
  })
})
