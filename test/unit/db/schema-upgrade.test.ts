import { createWorkstationDatabase } from '@db/database'
import { v01InitialStores } from '@db/migrations/v01-initial-stores'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { caseFileFixture } from '../fixtures/case-files'

describe('database upgrade from version 1', () => {
  it('rebuilds SLA clock events from the version 1 stamps and indexes the at-risk time', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    const { slaEvents: _events, slaAtRiskAt: _risk, ...current } = caseFileFixture(1).case
    // A case as version 1 stored it: S3, responded after 30 minutes, then waiting on a party.
    const versionOneCase = {
      ...current,
      status: 'awaiting_party',
      updatedAt: '2026-03-08T09:00:00.000Z',
      sla: {
        firstResponseDueAt: '2026-03-09T06:30:00.000Z',
        resolutionDueAt: '2026-03-15T06:30:00.000Z',
        firstRespondedAt: '2026-03-08T07:00:00.000Z',
        resolvedAt: null,
      },
    }
    const old = new Dexie(name)
    old.version(1).stores(v01InitialStores.stores)
    await old.table('cases').add(versionOneCase)
    old.close()

    const db = createWorkstationDatabase(name)
    const upgraded = (await db.cases.get(current.id))!
    expect(upgraded).not.toHaveProperty('sla')
    expect(upgraded.slaEvents).toEqual([
      { type: 'opened', at: current.createdAt, status: 'new', severity: 'S3' },
      { type: 'status', at: '2026-03-08T07:00:00.000Z', status: 'investigating' },
      { type: 'status', at: '2026-03-08T09:00:00.000Z', status: 'awaiting_party' },
    ])
    const clocks = computeSlaClocks(upgraded.slaEvents, DEFAULT_SLA_POLICY)
    expect(clocks.resolution.phase).toBe('paused')
    // Paused: no running clock, so the case sorts after every due case and is never "at risk".
    expect(await db.cases.where('slaAtRiskAt').below('9999-01-01').count()).toBe(0)
    expect(await db.cases.where('slaAtRiskAt').aboveOrEqual('9999-01-01').count()).toBe(1)
    // Version 10 counts the upgraded case for the dashboard: open, awaiting a party, responded in 30 minutes.
    const day = (await db.caseDays.get(upgraded.createdAt.slice(0, 10)))!
    expect(day.tally).toMatchObject({
      cases: 1,
      statusSeverity: { 'awaiting_party|S3': 1 },
      firstResponseMinutes: { 30: 1 },
    })
    expect(await db.caseFacts.count()).toBe(1)
    await db.delete()
  })
})

describe('database upgrade to version 3', () => {
  it('indexes the title words of cases stored before', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    const stored = { ...caseFileFixture(1).case, title: 'Dog bite on customer steps' }
    const versionTwo = new Dexie(name)
    versionTwo.version(1).stores(v01InitialStores.stores)
    versionTwo.version(2).stores({
      cases:
        'id, &caseNumber, status, severity, assigneeId, category, slaDueAt, slaAtRiskAt, updatedAt, createdAt, *tags, order.orderId, [status+slaDueAt], [assigneeId+status], [assigneeId+slaDueAt], [status+updatedAt], [category+updatedAt], [severity+slaDueAt]',
    })
    await versionTwo.table('cases').add(stored)
    versionTwo.close()

    const db = createWorkstationDatabase(name)
    expect(await db.cases.where('titleWords').equals('bite').primaryKeys()).toEqual([stored.id])
    expect(await db.cases.where('titleWords').startsWith('cust').primaryKeys()).toEqual([stored.id])
    await db.delete()
  })
})
