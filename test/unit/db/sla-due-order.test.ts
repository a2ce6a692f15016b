import { describeSlaClockBriefly } from '@features/sla/sla-text'
import type { Case, CaseStatus, NewCaseDraft } from '@shared/domain'
import { EMPTY_QUEUE_FILTER } from '@shared/rules/queue/queue-filter'
import { caseSlaInstants, currentSlaClock, NO_SLA_DUE } from '@shared/rules/sla/case-sla'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture } from '../fixtures/case-files'
import { freshWorkstationPerTest } from '../fixtures/test-workstation'

const START = Date.parse('2026-06-01T12:00:00.000Z')
const DAY = 86_400_000
const day = (n: number) => new Date(START + n * DAY).toISOString()

const ws = freshWorkstationPerTest(day(0))

const draft = (title: string): NewCaseDraft => ({
  title,
  summary: '',
  category: 'property_damage',
  severity: 'S3',
  source: 'support',
  occurredAt: null,
  location: '',
  order: null,
  tags: [],
})

/** Opens a case on `opened`, then moves it through the given statuses on the given days. */
async function caseWorked(title: string, opened: number, steps: Array<[number, CaseStatus]>) {
  ws.clock = day(opened)
  const record = await ws.repositories.cases.create(draft(title), analyst)
  for (const [on, status] of steps) {
    ws.clock = day(on)
    await ws.repositories.cases.update(record.id, { status }, analyst)
  }
  return record.id
}

/** Each listed case's chip as the queue row reads it at `now`. */
async function chips(ids: string[], now: string, policy: SlaPolicy = DEFAULT_SLA_POLICY) {
  const records = (await ws.repositories.cases.getMany(ids)) as Case[]
  return records.map((record) => {
    const clock = currentSlaClock(computeSlaClocks(record.slaEvents, policy, now))
    return [record.title, clock ? describeSlaClockBriefly(clock) : '']
  })
}

describe('SLA due order in the queue (paused and resumed clocks)', () => {
  it('lists Breached and "SLA due" in the order of the chips’ time over', async () => {
    // S3 resolution is 7 days; each case is responded to an hour after opening.
    await caseWorked('never paused', 0, [[0.05, 'investigating']])
    // Breached on day 7, awaiting a party from day 8 to day 20: those 12 days do not count.
    await caseWorked('resumed after its breach', 0, [
      [0.05, 'investigating'],
      [8, 'awaiting_party'],
      [20, 'investigating'],
    ])
    await caseWorked('opened later', 5, [[5.05, 'investigating']])
    await caseWorked('waiting now', 0, [
      [0.05, 'investigating'],
      [9, 'awaiting_party'],
    ])
    const now = day(30)
    const context = { analystId: analyst.id, now }
    const { queueViews } = ws.repositories

    const breached = await queueViews.caseIds('breached', context)
    expect(await chips(breached, now)).toEqual([
      ['never paused', 'Res −23 d'],
      ['opened later', 'Res −18 d'],
      ['resumed after its breach', 'Res −11 d'],
    ])
    const bySlaDue = await queueViews.filteredCaseIds('all', EMPTY_QUEUE_FILTER, 'sla_due', context)
    expect(await chips(bySlaDue.ids, now)).toEqual([
      ['never paused', 'Res −23 d'],
      ['opened later', 'Res −18 d'],
      ['resumed after its breach', 'Res −11 d'],
      ['waiting now', 'Res paused −2 d'],
    ])
  })

  it('re-times imported cases under this workstation’s policy, whatever policy they were stored under', async () => {
    const tighter: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      targets: {
        ...DEFAULT_SLA_POLICY.targets,
        S3: { firstResponse: { amount: 2, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } },
      },
    }
    await ws.repositories.cases.applySlaPolicy(tighter, analyst)
    // The fixture's case was timed under the default policy (7 days) where it was exported.
    const file = caseFileFixture(1)
    expect(file.case.slaDueAt).toBe(caseSlaInstants(file.case.slaEvents, DEFAULT_SLA_POLICY).slaDueAt)
    await ws.repositories.caseFiles.importCaseFiles({ caseFiles: [file], evidenceFiles: new Map() }, analyst)
    const stored = await ws.repositories.cases.get(file.case.id)
    expect(stored?.slaDueAt).toBe(caseSlaInstants(file.case.slaEvents, tighter).slaDueAt)
    expect(stored?.slaDueAt).not.toBe(file.case.slaDueAt)
    expect(stored?.slaDueAt).not.toBe(NO_SLA_DUE)
  })
})
