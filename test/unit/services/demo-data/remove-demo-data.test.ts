import { loadDemoCases } from '@db/repositories/demo-data'
import { removeDemoData } from '@services/demo-data/remove-demo-data'
import { describe, expect, it } from 'vitest'
import { freshWorkstationPerTest, openBareCase } from '../../fixtures/test-workstation'
import { asWorkstation } from '../workstation'

const ws = freshWorkstationPerTest()

describe('removing demo data', () => {
  it('takes the demo cases and their evidence off, and leaves the analyst’s own cases', async () => {
    const own = await openBareCase(ws, 'A real case')
    await loadDemoCases(ws.db, { count: 4, seed: 7, now: '2026-11-24T12:00:00.000Z' }, () => {})
    expect(await ws.repositories.cases.count()).toBe(5)

    expect(await removeDemoData(asWorkstation(ws))).toBe(4)

    expect(await ws.repositories.cases.queueCaseIds()).toEqual([own.id])
    expect(await ws.db.evidenceBlobs.count()).toBe(0)
    expect(await removeDemoData(asWorkstation(ws))).toBe(0)
  })
})
