import { countedFromScratch } from '@db/middleware/fact-tables'
import { splitByDay } from '@db/repositories/case-metrics'
import type { Case, Determination, OutcomeKind } from '@shared/domain'
import { caseFacts, caseMetrics, inRange, metricsFromTally } from '@shared/rules/metrics/case-metrics'
import { decisionsFromLedger } from '@shared/rules/policy/clause-ledger'
import { similarCases } from '@shared/rules/policy/similar-cases'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase, type TestWorkstation } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

/** A decided determination as another workstation would send it. */
function decision(
  caseId: string,
  kind: OutcomeKind,
  violated: string[],
  decidedAt = '2026-11-25T10:00:00.000Z',
): Determination {
  return {
    id: crypto.randomUUID(),
    caseId,
    partyId: crypto.randomUUID(),
    findings: [],
    clauses: [
      ...violated.map((clauseId) => ({ clauseId, violated: true })),
      { clauseId: 'SC-9', violated: false },
    ],
    outcome: kind === 'temporary_suspension' ? { kind, days: 7 } : ({ kind } as Determination['outcome']),
    rationale: '',
    justification: '',
    approval: null,
    decidedBy: analyst,
    decidedAt,
    updatedAt: decidedAt,
  }
}

/** The day tallies and ledger kept write by write equal those counted afresh from every case and determination. */
async function expectKeptInStep(workstation: TestWorkstation) {
  const { db } = workstation
  const fresh = countedFromScratch(
    await db.cases.toArray(),
    await db.determinations.toArray(),
    (await db.settings.get('slaPolicy'))?.value,
  )
  const byKey = <Row>(rows: Row[], key: (row: Row) => string) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)))
  expect(byKey(await db.caseFacts.toArray(), (row) => row.id)).toEqual(
    byKey(fresh.caseFacts, (row) => row.id),
  )
  expect(byKey(await db.decisionFacts.toArray(), (row) => row.id)).toEqual(
    byKey(fresh.decisionFacts, (row) => row.id),
  )
  expect(await db.caseDays.orderBy('day').toArray()).toEqual(byKey(fresh.caseDays, (row) => row.day))
  // A ledger row's entries are in the order written; what the helper reads from it must match.
  const ledger = await db.clauseLedger.orderBy('key').toArray()
  expect(ledger.map((row) => row.key)).toEqual(
    byKey(fresh.clauseLedger, (row) => row.key).map((row) => row.key),
  )
  for (const row of ledger) {
    const expected = fresh.clauseLedger.find((other) => other.key === row.key)!
    const sorted = (rows: typeof ledger) =>
      decisionsFromLedger(rows).sort((a, b) =>
        `${a.caseId}${a.decidedAt}`.localeCompare(`${b.caseId}${b.decidedAt}`),
      )
    expect(sorted([row])).toEqual(sorted([expected]))
  }
}

async function openCaseOn(day: string, title: string): Promise<Case> {
  ws.clock = `${day}T15:30:00.000Z`
  return openBareCase(ws, title)
}

describe('the counts kept beside the cases and determinations', () => {
  it('stay equal to a fresh count through edits, category changes, late cases, deletions and a new SLA policy', async () => {
    const monday = await openCaseOn('2026-11-23', 'Door scraped')
    const tuesday = await openCaseOn('2026-11-24', 'Fence hit')
    const wednesday = await openCaseOn('2026-11-25', 'Mailbox down')
    await expectKeptInStep(ws)
    // A bulk add that fails for one row (its id is taken) stores, and counts, only the other.
    await expect(
      ws.db.cases.bulkAdd([
        { ...monday, id: crypto.randomUUID() },
        { ...monday, severity: 'S1', assigneeName: 'Someone Else' },
      ]),
    ).rejects.toThrow()
    expect(await ws.db.cases.count()).toBe(4)
    await expectKeptInStep(ws)

    ws.clock = '2026-11-25T16:00:00.000Z'
    await ws.repositories.cases.update(monday.id, { status: 'investigating' }, analyst)
    await ws.repositories.cases.update(tuesday.id, { assigneeId: 'sam', assigneeName: 'Sam Patel' }, analyst)
    await ws.repositories.cases.update(monday.id, { status: 'resolved' }, analyst)
    await expectKeptInStep(ws)

    // Determinations arrive (as sync stores them), two in one transaction beside a case change.
    const first = decision(monday.id, 'warning', ['PD-1'])
    const second = decision(tuesday.id, 'education', ['PD-1', 'PD-2'])
    await ws.db.transaction('rw', ws.db.cases, ws.db.determinations, () =>
      Promise.all([
        ws.db.determinations.bulkPut([first, second]),
        ws.db.determinations.put(decision(wednesday.id, 'no_action', [])),
        ws.db.cases.put({ ...wednesday, assigneeId: 'riley', assigneeName: 'Riley Chen' }),
      ]),
    )
    await expectKeptInStep(ws)

    // The outcome changes, a case changes category, a determination is withdrawn.
    await ws.db.determinations.put({ ...first, outcome: { kind: 'temporary_suspension', days: 3 } })
    await ws.repositories.cases.update(tuesday.id, { category: 'vehicle_incident' }, analyst)
    await ws.db.determinations.put({ ...second, outcome: null, decidedAt: null })
    await expectKeptInStep(ws)

    // A determination pulled before its case; then the case.
    const late = await openCaseOn('2026-11-20', 'Late arrival')
    await ws.db.cases.delete(late.id)
    await ws.db.determinations.put(decision(late.id, 'warning', ['PD-1'], '2026-11-21T09:00:00.000Z'))
    expect((await ws.db.decisionFacts.where('caseId').equals(late.id).first())?.caseCreatedAt).toBe('')
    await ws.db.cases.put(late)
    await expectKeptInStep(ws)

    // A new SLA policy recounts compliance; clearing a table recounts everything.
    await ws.repositories.cases.applySlaPolicy(
      {
        ...DEFAULT_SLA_POLICY,
        targets: {
          ...DEFAULT_SLA_POLICY.targets,
          S3: { ...DEFAULT_SLA_POLICY.targets.S3, firstResponse: { amount: 10, unit: 'minutes' } },
        },
      },
      analyst,
    )
    await expectKeptInStep(ws)
    await ws.db.determinations.delete(first.id)
    await ws.db.cases.delete(wednesday.id)
    await expectKeptInStep(ws)
    await ws.db.determinations.clear()
    await expectKeptInStep(ws)
    expect(await ws.db.clauseLedger.count()).toBe(0)
  })

  it('give the same dashboard and similar cases as the cases and determinations themselves', async () => {
    const cases: Case[] = []
    for (const [index, day] of [
      '2026-11-20',
      '2026-11-21',
      '2026-11-21',
      '2026-11-23',
      '2026-11-24',
    ].entries())
      cases.push(await openCaseOn(day, `Case ${index}`))
    ws.clock = '2026-11-24T20:00:00.000Z'
    await ws.repositories.cases.update(cases[1]!.id, { status: 'investigating' }, analyst)
    const determinations = [
      decision(cases[0]!.id, 'warning', ['PD-1'], '2026-11-25T10:00:00.000Z'),
      decision(cases[1]!.id, 'education', ['PD-1', 'PD-2'], '2026-11-25T11:00:00.000Z'),
      decision(cases[2]!.id, 'warning', ['PD-2'], '2026-11-25T12:00:00.000Z'),
      decision(cases[3]!.id, 'no_action', ['PD-1'], '2026-11-25T13:00:00.000Z'),
    ]
    await ws.db.determinations.bulkPut(determinations)
    const stored = await ws.db.cases.toArray()
    // A range in a time zone west of UTC: it starts and ends mid-day.
    for (const range of [
      { from: '2026-11-21T05:00:00.000Z', to: '2026-11-24T04:59:59.999Z' },
      { from: '2026-11-21T00:00:00.000Z', to: '2026-11-23T23:59:59.999Z' },
      { from: '2026-11-21T16:00:00.000Z', to: '2026-11-21T17:00:00.000Z' },
      { from: null, to: null },
    ]) {
      const kept = metricsFromTally(await ws.repositories.metrics.tallyOpenedIn(range))
      const opened = stored.filter((record) => inRange(record, range))
      const outcomes = determinations
        .filter((row) => opened.some((record) => record.id === row.caseId))
        .map((row) => ({ caseId: row.caseId, kind: row.outcome!.kind }))
      expect(kept).toEqual(caseMetrics(caseFacts(opened, outcomes, DEFAULT_SLA_POLICY)))
    }
    const found = await ws.repositories.determinations.similarCases(cases[4]!, ['PD-1', 'PD-2'])
    const expected = similarCases({
      openCaseId: cases[4]!.id,
      clauseIds: ['PD-1', 'PD-2'],
      candidates: determinations.map((row) => ({
        caseId: row.caseId,
        outcomeKind: row.outcome!.kind,
        decidedAt: row.decidedAt!,
        violatedClauses: row.clauses.filter((clause) => clause.violated).map((clause) => clause.clauseId),
      })),
      limit: 12,
    })
    expect(found.distribution).toEqual(expected.distribution)
    expect(found.cases.map((listed) => listed.caseId)).toEqual(expected.cases.map((listed) => listed.caseId))
    expect(found.decisions).toBe(4)
  })

  it('split a range into whole UTC days and the part-days at its ends', () => {
    expect(splitByDay({ from: '2026-11-21T00:00:00.000Z', to: '2026-11-23T23:59:59.999Z' })).toEqual({
      days: { first: '2026-11-21', last: '2026-11-23' },
      parts: [],
    })
    expect(splitByDay({ from: '2026-11-21T05:00:00.000Z', to: '2026-11-24T04:59:59.999Z' })).toEqual({
      days: { first: '2026-11-22', last: '2026-11-23' },
      parts: [
        { from: '2026-11-21T05:00:00.000Z', to: '2026-11-21T23:59:59.999Z' },
        { from: '2026-11-24T00:00:00.000Z', to: '2026-11-24T04:59:59.999Z' },
      ],
    })
    expect(splitByDay({ from: '2026-11-21T16:00:00.000Z', to: '2026-11-22T17:00:00.000Z' })).toEqual({
      days: null,
      parts: [{ from: '2026-11-21T16:00:00.000Z', to: '2026-11-22T17:00:00.000Z' }],
    })
    expect(splitByDay({ from: null, to: null })).toEqual({ days: { first: null, last: null }, parts: [] })
  })
})
