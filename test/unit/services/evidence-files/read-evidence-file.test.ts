import { readEvidenceFile } from '@services/evidence-files/read-evidence-file'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture, sha256 } from '../../fixtures/case-files'
import { freshWorkstationPerTest } from '../../fixtures/test-workstation'
import { asWorkstation, joinTeamServer, teamServerHolding } from '../workstation'

const ws = freshWorkstationPerTest()
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])
const hash = sha256(photo)

/** A case whose photo's record is here but not its bytes (as a synced case arrives). */
async function caseWithoutItsPhoto() {
  await ws.repositories.caseFiles.importCaseFiles(
    { caseFiles: [caseFileFixture(1, { photo })], evidenceFiles: new Map([[hash, photo]]) },
    analyst,
  )
  await ws.db.evidenceBlobs.clear()
}

const bytesOf = async (blob: Blob | undefined) => blob && new Uint8Array(await blob.arrayBuffer())

describe('reading an evidence file', () => {
  it('reads the bytes held here without asking the team server', async () => {
    await ws.repositories.caseFiles.importCaseFiles(
      { caseFiles: [caseFileFixture(1, { photo })], evidenceFiles: new Map([[hash, photo]]) },
      analyst,
    )
    await joinTeamServer(ws)
    const server = teamServerHolding(new Map())
    expect(await bytesOf(await readEvidenceFile(asWorkstation(ws, server.teamServer), hash))).toEqual(photo)
    expect(server.downloaded).toEqual([])
  })

  it('has nothing for bytes not here when the workstation has joined no team server', async () => {
    await caseWithoutItsPhoto()
    const server = teamServerHolding(new Map([[hash, photo]]))
    expect(await readEvidenceFile(asWorkstation(ws, server.teamServer), hash)).toBeUndefined()
    expect(server.downloaded).toEqual([])
  })

  it('downloads missing bytes from the team server once, and keeps them', async () => {
    await caseWithoutItsPhoto()
    await joinTeamServer(ws)
    const server = teamServerHolding(new Map([[hash, photo]]))
    const workstation = asWorkstation(ws, server.teamServer)
    expect(await bytesOf(await readEvidenceFile(workstation, hash))).toEqual(photo)
    expect(await bytesOf(await readEvidenceFile(workstation, hash))).toEqual(photo)
    expect(server.downloaded).toEqual([hash])
    expect(await bytesOf(await ws.repositories.evidence.getBlob(hash))).toEqual(photo)
  })

  it('refuses bytes that do not match the hash, and keeps nothing', async () => {
    await caseWithoutItsPhoto()
    await joinTeamServer(ws)
    const server = teamServerHolding(new Map([[hash, new Uint8Array([1, 2, 3])]]))
    await expect(readEvidenceFile(asWorkstation(ws, server.teamServer), hash)).rejects.toThrow(
      /does not match its recorded SHA-256/,
    )
    expect(await ws.repositories.evidence.getBlob(hash)).toBeUndefined()
  })
})
