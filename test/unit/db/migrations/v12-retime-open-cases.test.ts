import { createWorkstationDatabase } from '@db/database'
import { caseSlaInstants } from '@shared/rules/sla/case-sla'
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion } from './database-at'

/** The workstation's policy: S3 cases resolved within two days rather than seven. */
const tighter: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  targets: {
    ...DEFAULT_SLA_POLICY.targets,
    S3: { ...DEFAULT_SLA_POLICY.targets.S3, resolution: { amount: 2, unit: 'days' } },
  },
}
/** Instants as an older workstation stored them, which the chips no longer agree with. */
const stale = { slaDueAt: '2026-03-20T00:00:00.000Z', slaAtRiskAt: '2026-03-19T00:00:00.000Z' }

describe('version 12: open cases re-timed', () => {
  it('re-times open cases under the stored policy and leaves closed ones as they were', async () => {
    const open = { ...caseFileFixture(1).case, ...stale }
    const closed = { ...caseFileFixture(2).case, status: 'closed' as const, ...stale }
    const old = databaseAtVersion(11)
    await old.table('cases').bulkAdd([open, closed])
    await old.table('settings').add({ key: 'slaPolicy', value: tighter })
    old.close()

    const db = createWorkstationDatabase(old.name)
    const retimed = caseSlaInstants(open.slaEvents, tighter)
    expect(retimed.slaDueAt).toBe('2026-03-10T06:30:00.000Z')
    expect(await db.cases.get(open.id)).toMatchObject(retimed)
    expect(await db.cases.get(closed.id)).toMatchObject(stale)
    expect(await db.cases.where('slaDueAt').equals(retimed.slaDueAt).primaryKeys()).toEqual([open.id])
    await db.delete()
  })

  it('uses the default policy when none is stored', async () => {
    const open = { ...caseFileFixture(1).case, ...stale }
    const old = databaseAtVersion(11)
    await old.table('cases').add(open)
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(await db.cases.get(open.id)).toMatchObject(caseSlaInstants(open.slaEvents, DEFAULT_SLA_POLICY))
    await db.delete()
  })
})
