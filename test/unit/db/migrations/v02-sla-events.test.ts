import { createWorkstationDatabase } from '@db/database'
import { NO_SLA_DUE } from '@shared/rules/sla/case-sla'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../../fixtures/case-files'
import { databaseAtVersion } from './database-at'

describe('version 2: SLA clock events', () => {
  it('rebuilds the events of a closed case from its version 1 stamps; nothing is due any more', async () => {
    const { slaEvents: _events, slaAtRiskAt: _risk, ...current } = caseFileFixture(1).case
    const old = databaseAtVersion(1)
    await old.table('cases').add({
      ...current,
      status: 'closed',
      updatedAt: '2026-03-10T12:00:00.000Z',
      sla: { firstRespondedAt: '2026-03-08T07:00:00.000Z', resolvedAt: '2026-03-09T10:00:00.000Z' },
    })
    old.close()

    const db = createWorkstationDatabase(old.name)
    const upgraded = (await db.cases.get(current.id))!
    expect(upgraded).not.toHaveProperty('sla')
    expect(upgraded.slaEvents).toEqual([
      { type: 'opened', at: current.createdAt, status: 'new', severity: 'S3' },
      { type: 'status', at: '2026-03-08T07:00:00.000Z', status: 'investigating' },
      { type: 'status', at: '2026-03-09T10:00:00.000Z', status: 'resolved' },
      { type: 'status', at: '2026-03-10T12:00:00.000Z', status: 'closed' },
    ])
    expect(upgraded).toMatchObject({ slaDueAt: NO_SLA_DUE, slaAtRiskAt: NO_SLA_DUE })
    await db.delete()
  })

  it('keeps the events of a case that already has them', async () => {
    const stored = {
      ...caseFileFixture(2).case,
      status: 'closed' as const,
      slaDueAt: '2026-03-15T06:30:00.000Z',
    }
    const old = databaseAtVersion(1)
    await old.table('cases').add(stored)
    old.close()

    const db = createWorkstationDatabase(old.name)
    expect(await db.cases.get(stored.id)).toMatchObject({
      slaEvents: stored.slaEvents,
      slaDueAt: stored.slaDueAt,
      slaAtRiskAt: stored.slaAtRiskAt,
    })
    await db.delete()
  })
})
