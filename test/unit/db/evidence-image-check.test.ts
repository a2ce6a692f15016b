import type { EvidenceImport } from '@db/repositories/evidence'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const cutPhoto = { kind: 'incomplete' as const, detail: 'the file ends after 16 of 48 rows' }

const photo = (caseId: string, imageCheck?: EvidenceImport['imageCheck']): EvidenceImport => ({
  caseId,
  blob: new Blob(['photo']),
  originalName: 'IMG_4.jpg',
  size: 5,
  sha256: 'a'.repeat(64),
  detectedType: 'image/jpeg',
  sourcePartyId: null,
  acquiredAt: '2026-11-24T09:00:00.000Z',
  description: '',
  imageCheck,
})

async function imported(imageCheck?: EvidenceImport['imageCheck']) {
  const record = await openBareCase(ws, 'Porch photo')
  const outcome = await ws.repositories.evidence.importItem(photo(record.id, imageCheck), analyst)
  if (outcome.status !== 'added') throw new Error('not added')
  return outcome.item
}

const custodyOf = async (id: string) =>
  (await ws.repositories.custody.listForEvidence(id)).map((event) => [event.action, event.detail])

describe('the image check on the evidence record', () => {
  it('keeps the finding of the import on the item and in the first custody line', async () => {
    const item = await imported({ damage: cutPhoto, decoded: false })
    expect((await ws.repositories.evidence.get(item.id))?.damage).toEqual(cutPhoto)
    expect(await custodyOf(item.id)).toEqual([
      [
        'imported',
        'Imported "IMG_4.jpg" (image/jpeg, 5 bytes); image check: INCOMPLETE — the file ends after 16 of 48 rows',
      ],
    ])
    const sound = await imported({ damage: null, decoded: true })
    expect((await ws.repositories.evidence.get(sound.id))?.damage).toBeNull()
  })

  it('leaves an item imported without a check unchecked, and records the check made when it is viewed', async () => {
    const item = await imported()
    expect(item).not.toHaveProperty('damage')
    await ws.repositories.evidence.recordImageCheck(
      item.id,
      { damage: cutPhoto, decoded: false },
      analyst,
      'when first viewed',
    )
    expect((await ws.repositories.evidence.get(item.id))?.damage).toEqual(cutPhoto)
    expect((await custodyOf(item.id)).at(-1)).toEqual([
      'reverified',
      'Checked when first viewed, as it had not been checked before; image check: INCOMPLETE — the file ends after 16 of 48 rows',
    ])
    // The change of the record is in the audit like any other.
    const audit = await ws.db.auditEntries.where('caseId').equals(item.caseId).toArray()
    expect(
      audit.filter((entry) => entry.entityId === item.id).flatMap((entry) => entry.changes),
    ).toContainEqual({ field: 'damage', before: null, after: cutPhoto })
  })

  it('records the check made with Verify integrity, but only for bytes that still match', async () => {
    const item = await imported()
    await ws.repositories.evidence.recordVerification(item.id, 'f'.repeat(64), analyst, {
      damage: cutPhoto,
      decoded: false,
    })
    expect((await ws.repositories.evidence.get(item.id))?.damage).toBeUndefined()
    await ws.repositories.evidence.recordVerification(item.id, 'a'.repeat(64), analyst, {
      damage: cutPhoto,
      decoded: false,
    })
    expect((await ws.repositories.evidence.get(item.id))?.damage).toEqual(cutPhoto)
    expect((await custodyOf(item.id)).slice(1)).toEqual([
      ['reverified', `INTEGRITY FAILURE: the stored bytes now hash to ${'f'.repeat(64)}`],
      [
        'reverified',
        'Integrity verified: the stored bytes still hash to the recorded SHA-256; image check: INCOMPLETE — the file ends after 16 of 48 rows',
      ],
    ])
  })
})
