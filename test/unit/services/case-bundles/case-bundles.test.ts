import { exportCaseBundle } from '@services/case-bundles/export-case-bundle'
import { importCaseBundle } from '@services/case-bundles/import-case-bundle'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture, sha256 } from '../../fixtures/case-files'
import { freshWorkstationPerTest } from '../../fixtures/test-workstation'
import { asWorkstation, joinTeamServer, teamServerHolding } from '../workstation'

const here = freshWorkstationPerTest()
const there = freshWorkstationPerTest()
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9])
const hash = sha256(photo)

describe('case bundles', () => {
  it('carries a synced exhibit whose bytes were not fetched yet: they are fetched first', async () => {
    await here.repositories.caseFiles.importCaseFiles(
      { caseFiles: [caseFileFixture(1, { photo })], evidenceFiles: new Map([[hash, photo]]) },
      analyst,
    )
    await here.db.evidenceBlobs.clear()
    await joinTeamServer(here)
    const server = teamServerHolding(new Map([[hash, photo]]))

    const bundle = await exportCaseBundle(
      asWorkstation(here, server.teamServer),
      ['case-1'],
      analyst,
      '0.1.0',
    )

    expect(server.downloaded).toEqual([hash])
    const outcome = await importCaseBundle(asWorkstation(there), bundle, analyst)
    expect(outcome).toEqual({ ok: true, summary: { added: 1, updated: 0, unchanged: 0, evidenceFiles: 1 } })
    const stored = await there.repositories.evidence.getBlob(hash)
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(photo)
  })

  it('imports nothing from a file that is not a case bundle, and says why', async () => {
    const outcome = await importCaseBundle(asWorkstation(here), new Uint8Array([1, 2, 3]), analyst)
    expect(outcome.ok).toBe(false)
    expect(await here.repositories.cases.queueCaseIds()).toEqual([])
  })
})
