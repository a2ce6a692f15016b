import { createWorkstationDatabase } from '@db/database'
import type { DeterminationInput } from '@db/repositories/determinations'
import type { Case, Party } from '@shared/domain'
import { caseFacts, caseMetrics, metricsFromTally } from '@shared/rules/metrics/case-metrics'
import { SETTINGS } from '@shared/rules/settings/registry'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase, type TestWorkstation } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()
const lead = { id: 'local:Morgan Lee', name: 'Morgan Lee' }

async function caseWithShopper(workstation: TestWorkstation, title = 'Garage door struck') {
  const record = await openBareCase(workstation, title)
  const shopper: Party = {
    id: crypto.randomUUID(),
    caseId: record.id,
    role: 'shopper',
    name: 'Luis Ortega',
    contact: { phone: '', email: '', address: '' },
    notes: '',
    createdAt: workstation.clock,
    updatedAt: workstation.clock,
  }
  await workstation.repositories.parties.add(shopper, analyst)
  return { record, shopper }
}

const input = (record: Case, party: Party, patch: Partial<DeterminationInput> = {}): DeterminationInput => ({
  caseId: record.id,
  partyId: party.id,
  findings: [{ id: 'f-1', statement: 'Reversed into the door.', evidenceIds: [], standard: 'confirmed' }],
  clauses: [{ clauseId: 'PD-1', violated: true }],
  outcome: { kind: 'warning' },
  rationale: 'First incident.',
  justification: '',
  ...patch,
})

describe('determinations', () => {
  it('records one determination per party, decided by the analyst, in the audit', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    const first = await ws.repositories.determinations.save(input(record, shopper), analyst)
    ws.clock = '2026-11-24T11:00:00.000Z'
    const second = await ws.repositories.determinations.save(
      input(record, shopper, { outcome: { kind: 'education' } }),
      analyst,
    )
    expect(second.id).toBe(first.id)
    expect(second).toMatchObject({
      decidedBy: analyst,
      decidedAt: '2026-11-24T11:00:00.000Z',
      justification: '',
    })
    expect(await ws.repositories.determinations.listForCase(record.id)).toHaveLength(1)
    const audit = await ws.repositories.audit.listForCase(record.id)
    expect(audit.filter((entry) => entry.entity === 'determination').map((entry) => entry.summary)).toEqual([
      'Changed determination (education)',
      'Added determination (warning)',
    ])
  })

  it('refuses an outcome outside the recommendation without a justification, and drops a stale one inside it', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    const suspension = input(record, shopper, { outcome: { kind: 'temporary_suspension', days: 7 } })
    await expect(ws.repositories.determinations.save(suspension, analyst)).rejects.toThrow(
      'the outcome is outside the recommended ones',
    )
    await ws.repositories.determinations.save({ ...suspension, justification: 'Repeat incident.' }, analyst)
    const back = await ws.repositories.determinations.save(
      input(record, shopper, { justification: 'Repeat incident.' }),
      analyst,
    )
    expect(back.justification).toBe('')
    await expect(
      ws.repositories.determinations.save(input(record, shopper, { rationale: ' ' }), analyst),
    ).rejects.toThrow('give the rationale')
  })

  it('records a lead approval only where one is needed, and lets it lapse when the outcome changes', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    const warning = await ws.repositories.determinations.save(input(record, shopper), analyst)
    const approval = { approver: lead, at: ws.clock, note: '' }
    await expect(
      ws.repositories.determinations.recordApproval(warning.id, approval, analyst),
    ).rejects.toThrow('does not need a lead')
    const reimburse = (amount: number) =>
      ws.repositories.determinations.save(
        input(record, shopper, { outcome: { kind: 'reimbursement', amount, currency: 'USD' } }),
        analyst,
      )
    const large = await reimburse(400)
    expect((await ws.repositories.determinations.review(large)).needsApproval).toBe(true)
    const approved = await ws.repositories.determinations.recordApproval(large.id, approval, analyst)
    expect(approved.approval?.approver).toEqual(lead)
    // Saved again unchanged, the approval stands; a different amount withdraws it.
    expect((await reimburse(400)).approval).not.toBeNull()
    expect((await reimburse(450)).approval).toBeNull()
  })

  it('follows the team’s own outcome matrix entries', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    const suspension = input(record, shopper, { outcome: { kind: 'temporary_suspension', days: 3 } })
    await expect(ws.repositories.determinations.save(suspension, analyst)).rejects.toThrow('outside')
    await ws.repositories.settings.save(
      SETTINGS.outcomeMatrix,
      [{ severity: 'S3', clauseId: 'PD-1', outcomes: ['temporary_suspension'] }],
      analyst,
      'Outcome matrix changed',
    )
    expect((await ws.repositories.determinations.save(suspension, analyst)).justification).toBe('')
  })

  it('takes the approval threshold from Settings', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    const saved = await ws.repositories.determinations.save(
      input(record, shopper, { outcome: { kind: 'reimbursement', amount: 400, currency: 'CAD' } }),
      analyst,
    )
    expect((await ws.repositories.determinations.review(saved)).needsApproval).toBe(true)
    await ws.repositories.settings.save(SETTINGS.approvalThreshold, 500, analyst)
    expect((await ws.repositories.determinations.review(saved)).needsApproval).toBe(false)
    await expect(ws.repositories.settings.save(SETTINGS.approvalThreshold, -1, analyst)).rejects.toThrow()
  })

  it('finds similar past cases of the same category that broke the same clauses', async () => {
    const open = await caseWithShopper(ws, 'Open case')
    const past = await caseWithShopper(ws, 'Past case')
    const other = await caseWithShopper(ws, 'Other category')
    await ws.repositories.cases.update(other.record.id, { category: 'vehicle_incident' }, analyst)
    await ws.repositories.determinations.save(
      input(past.record, past.shopper, { outcome: { kind: 'education' } }),
      analyst,
    )
    await ws.repositories.determinations.save(input(other.record, other.shopper), analyst)
    const found = await ws.repositories.determinations.similarCases(open.record, ['PD-1'])
    expect(found.cases.map((similar) => similar.title)).toEqual(['Past case'])
    expect(found.distribution).toEqual([{ kind: 'education', count: 1, share: 1 }])
    expect((await ws.repositories.determinations.similarCases(open.record, [])).decisions).toBe(0)
  })
})

describe('the dashboard and handoff repositories', () => {
  it('counts the cases opened in a range, with their outcomes', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    ws.clock = '2026-11-26T10:00:00.000Z'
    await openBareCase(ws, 'Later case')
    await ws.repositories.determinations.save(input(record, shopper), analyst)
    const range = { from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' }
    // The charts count the day tallies kept beside the cases; they match the cases as stored.
    const stored = (await ws.repositories.cases.get(record.id))!
    const metrics = metricsFromTally(await ws.repositories.metrics.tallyOpenedIn(range))
    expect(metrics).toEqual(
      caseMetrics(caseFacts([stored], [{ caseId: record.id, kind: 'warning' }], DEFAULT_SLA_POLICY)),
    )
    expect(metrics.caseCount).toBe(1)
    expect(metrics.outcomesByCategory).toEqual([
      { category: 'property_damage', counts: { warning: 1 }, total: 1 },
    ])
    expect((await ws.repositories.metrics.tallyOpenedIn({ from: null, to: null })).cases).toBe(2)
    // The CSV reads the whole cases.
    const list = await ws.repositories.metrics.caseListOpenedIn(range)
    expect(list.map((fact) => [fact.record.title, fact.outcomes])).toEqual([
      ['Garage door struck', ['warning']],
    ])
  })

  it('summarises the shift from the audit and keeps the last handoff', async () => {
    const { record } = await caseWithShopper(ws)
    await ws.repositories.cases.update(
      record.id,
      { status: 'triage', assigneeId: analyst.id, assigneeName: analyst.name },
      analyst,
    )
    const summary = await ws.repositories.handoff.summarise(
      analyst,
      '2026-11-24T09:00:00.000Z',
      '2026-11-24T12:00:00.000Z',
    )
    expect(summary.casesTouched.map((line) => line.title)).toEqual(['Garage door struck'])
    expect(summary.statusChanges.map((line) => line.to)).toEqual(['triage'])
    expect(await ws.repositories.handoff.lastHandoff()).toBeNull()
    const handoff = { ...summary, id: 'h-1', writtenBy: analyst, writtenAt: ws.clock, note: 'Call Dana.' }
    await ws.repositories.handoff.save(handoff, analyst)
    expect(await ws.repositories.handoff.lastHandoff()).toEqual(handoff)
  })
})

describe('the fact rows beside cases and determinations', () => {
  it('follow every write: a status change, an outcome withdrawn, a case removed', async () => {
    const { record, shopper } = await caseWithShopper(ws)
    await ws.repositories.cases.update(record.id, { status: 'triage' }, analyst)
    expect((await ws.db.caseFacts.get(record.id))?.facts).toContain('\u001ftriage\u001f')
    const decided = await ws.repositories.determinations.save(input(record, shopper), analyst)
    expect(await ws.db.decisionFacts.get(decided.id)).toMatchObject({
      kind: 'warning',
      violatedClauses: ['PD-1'],
      caseCreatedAt: record.createdAt,
    })
    await ws.repositories.determinations.save(input(record, shopper, { outcome: null }), analyst)
    expect(await ws.db.decisionFacts.get(decided.id)).toBeUndefined()
    await ws.db.cases.delete(record.id)
    expect(await ws.db.caseFacts.get(record.id)).toBeUndefined()
  })
})

describe('database upgrade to version 11', () => {
  it('drops the violated-clauses field of determinations stored before, and files them in the clause ledger', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    const old = new Dexie(name)
    old.version(5).stores({ cases: 'id, createdAt', determinations: 'id, caseId, partyId' })
    old.version(6).stores({ determinations: 'id, caseId, partyId, *violatedClauses' })
    const opened = { ...caseFileFixture(1).case, id: 'c-1' }
    await old.table('cases').add(opened)
    await old.table('determinations').add({
      id: 'd-1',
      caseId: 'c-1',
      partyId: 'p-1',
      findings: [],
      clauses: [{ clauseId: 'FR-1', violated: true }],
      outcome: { kind: 'warning' },
      rationale: '',
      justification: '',
      approval: null,
      decidedBy: analyst,
      decidedAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      violatedClauses: ['FR-1'],
    })
    old.close()
    const db = createWorkstationDatabase(name)
    expect(await db.determinations.get('d-1')).not.toHaveProperty('violatedClauses')
    expect((await db.clauseLedger.get(`${opened.category}|FR-1`))?.entries).toContain('d-1')
    await db.delete()
  })
})
