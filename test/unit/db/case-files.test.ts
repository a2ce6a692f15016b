import { createWorkstationDatabase, type WorkstationDatabase } from '@db/database'
import { createRepositories } from '@db/repositories'
import { loadDemoCases, removeDemoCases } from '@db/repositories/demo-data'
import { exportCaseBundle } from '@services/case-bundles/export-case-bundle'
import { importCaseBundle } from '@services/case-bundles/import-case-bundle'
import type { Workstation } from '@services/workstation'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { analyst, caseFileFixture, sha256 } from '../fixtures/case-files'
import { unreachableTeamServer } from '../services/workstation'

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 0xff, 0xd9])
const databases: WorkstationDatabase[] = []

function freshWorkstation(): Workstation {
  const db = createWorkstationDatabase(`test-${crypto.randomUUID()}`)
  databases.push(db)
  return {
    db,
    repositories: createRepositories(db, () => '2026-11-24T10:00:00.000Z'),
    teamServer: unreachableTeamServer,
  }
}

let here: ReturnType<typeof freshWorkstation>
beforeEach(() => {
  here = freshWorkstation()
})
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete()
})

const evidenceOf = () => new Map([[sha256(photo), photo]])

describe('importing and exporting case files', () => {
  it('round-trips cases with their evidence into a fresh workstation', async () => {
    const files = [caseFileFixture(1, { photo }), caseFileFixture(2)]
    expect(
      await here.repositories.caseFiles.importCaseFiles(
        { caseFiles: files, evidenceFiles: evidenceOf() },
        analyst,
      ),
    ).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      evidenceFiles: 1,
    })
    const bundle = await exportCaseBundle(here, ['case-1', 'case-2'], analyst, '0.1.0')
    const there = freshWorkstation()
    const outcome = await importCaseBundle(there, bundle, analyst)
    expect(outcome).toEqual({ ok: true, summary: { added: 2, updated: 0, unchanged: 0, evidenceFiles: 1 } })
    const exported = await there.repositories.caseFiles.exportCaseFiles(['case-1'])
    const { audit, ...withoutAudit } = exported.caseFiles[0]!
    const { audit: _, ...original } = files[0]!
    expect(withoutAudit).toEqual(original)
    expect(audit.map((entry) => entry.summary)).toContain('Imported CR-2026-000001 from a case bundle')
    expect(exported.evidenceFiles.get(sha256(photo))).toEqual(photo)
    // New cases continue after the imported numbers.
    expect(await there.repositories.settings.nextCaseSequence()).toBe(3)
  })

  it('replaces a case with a newer copy and keeps it when the bundle copy is older', async () => {
    await here.repositories.caseFiles.importCaseFiles(
      { caseFiles: [caseFileFixture(1)], evidenceFiles: new Map() },
      analyst,
    )
    const newer = caseFileFixture(1, {
      updatedAt: '2026-03-09T00:00:00.000Z',
      title: 'Garage door and fence damaged',
    })
    const older = caseFileFixture(1, { updatedAt: '2026-03-01T00:00:00.000Z', title: 'Old title' })
    expect(
      await here.repositories.caseFiles.importCaseFiles(
        { caseFiles: [newer], evidenceFiles: new Map() },
        analyst,
      ),
    ).toMatchObject({ added: 0, updated: 1 })
    expect(
      await here.repositories.caseFiles.importCaseFiles(
        { caseFiles: [older], evidenceFiles: new Map() },
        analyst,
      ),
    ).toMatchObject({ updated: 0, unchanged: 1 })
    expect((await here.repositories.cases.get('case-1'))?.title).toBe('Garage door and fence damaged')
    expect(await here.repositories.parties.listForCase('case-1')).toHaveLength(2)
  })

  it('imports nothing when one case number is already used by a different case', async () => {
    await here.repositories.caseFiles.importCaseFiles(
      { caseFiles: [caseFileFixture(2)], evidenceFiles: new Map() },
      analyst,
    )
    const clash = {
      ...caseFileFixture(3),
      case: { ...caseFileFixture(3).case, caseNumber: 'CR-2026-000002' },
    }
    await expect(
      here.repositories.caseFiles.importCaseFiles(
        { caseFiles: [caseFileFixture(1, { photo }), clash], evidenceFiles: evidenceOf() },
        analyst,
      ),
    ).rejects.toThrow(
      /Case number CR-2026-000002 is already used here by a different case .* Nothing was imported\./,
    )
    expect(await here.repositories.cases.count()).toBe(1)
    expect(await here.db.evidenceBlobs.count()).toBe(0)
    expect(await here.db.parties.count()).toBe(2)
  })

  it('reports a damaged bundle without importing anything', async () => {
    const outcome = await importCaseBundle(here, new Uint8Array([1, 2, 3]), analyst)
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/not a zip archive/) })
    expect(await here.repositories.cases.count()).toBe(0)
  })
})

describe('demo data', () => {
  it('loads in batches with progress, replaces itself on reload, and removes cleanly', async () => {
    await here.repositories.caseFiles.importCaseFiles(
      { caseFiles: [caseFileFixture(1)], evidenceFiles: new Map() },
      analyst,
    )
    const progress: number[] = []
    const result = await loadDemoCases(
      here.db,
      { count: 30, seed: 5, now: '2026-11-24T12:00:00.000Z', batchSize: 10 },
      (p) => progress.push(p.loaded),
    )
    expect(result).toEqual({ loaded: 30, cancelled: false })
    expect(progress).toEqual([10, 20, 30])
    expect(await here.repositories.cases.count()).toBe(31)
    // Demo numbering continues after the analyst's own case.
    expect(await here.repositories.cases.getByCaseNumber('CR-2026-000001')).toMatchObject({ id: 'case-1' })
    expect(await here.db.evidenceBlobs.count()).toBeGreaterThan(10)

    await loadDemoCases(here.db, { count: 30, seed: 5, now: '2026-11-24T12:00:00.000Z' }, () => {})
    expect(await here.repositories.cases.count()).toBe(31)

    expect(await removeDemoCases(here.db)).toBe(30)
    expect(await here.repositories.cases.count()).toBe(1)
    expect(await here.db.evidenceBlobs.count()).toBe(0)
    expect(await here.db.timelineEvents.where('caseId').notEqual('case-1').count()).toBe(0)
  })

  it('stops after the current batch when cancelled and keeps what was loaded', async () => {
    const result = await loadDemoCases(
      here.db,
      { count: 30, seed: 5, now: '2026-11-24T12:00:00.000Z', batchSize: 10 },
      () => {},
      () => true,
    )
    expect(result).toEqual({ loaded: 10, cancelled: true })
    expect(await here.repositories.cases.count()).toBe(10)
  })
})
