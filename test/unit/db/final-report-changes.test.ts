import type { DeterminationInput } from '@db/repositories/determinations'
import { describeChangeSinceFinal } from '@features/report/FinalReportChanges'
import type { Party } from '@shared/domain'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest('2026-11-24T10:00:00.000Z')
const lead = { id: 'analyst-002', name: 'Morgan Lee' }

/** A case with a shopper, the shopper's determination (a warning), and a report marked final. */
async function finalisedCase() {
  const record = await openBareCase(ws, 'Garage door struck')
  const party = (name: string): Party => ({
    id: crypto.randomUUID(),
    caseId: record.id,
    role: 'shopper',
    name,
    contact: { phone: '', email: '', address: '' },
    notes: '',
    createdAt: ws.clock,
    updatedAt: ws.clock,
  })
  const shopper = await ws.repositories.parties.add(party('Luis Ortega'), analyst)
  const second = await ws.repositories.parties.add(party('Kim Diaz'), analyst)
  const input = (patch: Partial<DeterminationInput> = {}): DeterminationInput => ({
    caseId: record.id,
    partyId: shopper.id,
    findings: [{ id: 'f-1', statement: 'Reversed into the door.', evidenceIds: [], standard: 'confirmed' }],
    clauses: [{ clauseId: 'PD-1', violated: true }],
    outcome: { kind: 'warning' },
    rationale: 'First incident.',
    justification: '',
    ...patch,
  })
  await ws.repositories.determinations.save(input(), analyst)
  const { reports } = ws.repositories
  ws.clock = '2026-11-24T11:00:00.000Z'
  const report = await reports.create(
    {
      caseId: record.id,
      title: 'Investigation report',
      templateId: 'general',
      body: { type: 'doc', content: [] },
    },
    analyst,
  )
  await reports.setStatus(report.id, 'in_review', analyst)
  await reports.setStatus(report.id, 'final', analyst)
  return { record, report, input, shopper, second }
}

describe('a final report whose case changed after it', () => {
  it('is up to date until a determination changes, then names the change, who and when', async () => {
    const { report, input, second } = await finalisedCase()
    const { reports, determinations } = ws.repositories
    expect(await reports.sinceFinal(report.id)).toEqual({
      version: { number: 1, takenAt: '2026-11-24T11:00:00.000Z' },
      changes: [],
    })
    // An export after sign-off does not bring the text up to date: changes still count from the sign-off.
    ws.clock = '2026-11-24T11:30:00.000Z'
    await determinations.save(
      input({ outcome: { kind: 'education' }, rationale: 'Apologised at once.' }),
      lead,
    )
    ws.clock = '2026-11-24T12:00:00.000Z'
    await reports.snapshot(report.id, 'export', analyst)
    await determinations.save(
      input({
        partyId: second.id,
        clauses: [{ clauseId: 'PD-1', violated: false }],
        outcome: { kind: 'no_action' },
      }),
      lead,
    )

    const staleness = await reports.sinceFinal(report.id)
    expect(staleness?.version.number).toBe(1)
    expect(staleness?.changes).toEqual([
      expect.objectContaining({
        partyName: 'Luis Ortega',
        action: 'changed',
        parts: ['outcome', 'rationale'],
        outcome: { before: 'warning', after: 'education' },
        by: lead,
        at: '2026-11-24T11:30:00.000Z',
      }),
      expect.objectContaining({ partyName: 'Kim Diaz', action: 'recorded', by: lead }),
    ])
    expect(describeChangeSinceFinal(staleness!.changes[0]!)).toMatch(
      /^Determination for Luis Ortega changed \(outcome: warning → education; rationale\) by Morgan Lee, Nov 24, 2026/,
    )
  })

  it('names a removed determination’s party, and says nothing once the report is amended', async () => {
    const { report, record } = await finalisedCase()
    const { reports, determinations } = ws.repositories
    ws.clock = '2026-11-24T12:00:00.000Z'
    const [decided] = await determinations.listForCase(record.id)
    await determinations.remove(decided!.id, lead)
    expect((await reports.sinceFinal(report.id))?.changes).toEqual([
      expect.objectContaining({ partyName: 'Luis Ortega', action: 'removed' }),
    ])
    await reports.amend(report.id, analyst)
    expect(await reports.sinceFinal(report.id)).toBeNull()
    await reports.setStatus(report.id, 'in_review', analyst)
    ws.clock = '2026-11-24T13:00:00.000Z'
    await reports.setStatus(report.id, 'final', analyst)
    expect(await reports.sinceFinal(report.id)).toMatchObject({ changes: [] })
  })
})
