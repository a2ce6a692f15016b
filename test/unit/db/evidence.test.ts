import type { EvidenceImport } from '@db/repositories/evidence'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const openCase = (title: string) => openBareCase(ws, title)

const file = (caseId: string, name: string, sha: string): EvidenceImport => ({
  caseId,
  blob: new Blob([name]),
  originalName: name,
  size: name.length,
  sha256: sha.repeat(64).slice(0, 64),
  detectedType: 'image/jpeg',
  sourcePartyId: null,
  acquiredAt: '2026-11-24T09:00:00.000Z',
  description: '',
})

describe('evidence import', () => {
  it('numbers exhibits E-1, E-2 … never reusing one, and starts each chain of custody', async () => {
    const record = await openCase('Mailbox')
    const first = await ws.repositories.evidence.importItem(file(record.id, 'IMG_1.jpg', 'a'), analyst)
    const second = await ws.repositories.evidence.importItem(file(record.id, 'IMG_2.jpg', 'b'), analyst)
    expect(first.status === 'added' && first.item.exhibitNumber).toBe(1)
    expect(second.status === 'added' && second.item.exhibitNumber).toBe(2)
    if (second.status !== 'added') throw new Error('not added')
    await ws.repositories.evidence.removeItem(second.item.id, 'Photo of the wrong house', analyst)
    const third = await ws.repositories.evidence.importItem(file(record.id, 'IMG_3.jpg', 'c'), analyst)
    expect(third.status === 'added' && third.item.exhibitNumber).toBe(3)

    const removed = await ws.repositories.evidence.get(second.item.id)
    expect(removed?.removed).toMatchObject({ reason: 'Photo of the wrong house', by: analyst })
    const custody = await ws.repositories.custody.listForEvidence(second.item.id)
    expect(custody.map((event) => event.action)).toEqual(['imported', 'removed'])
    const timeline = await ws.repositories.timeline.listForCase(record.id)
    expect(timeline.map((event) => event.title)).toContain('Exhibit E-1 added: IMG_1.jpg')
    expect(await ws.repositories.evidence.getBlob('a'.repeat(64))).toBeInstanceOf(Blob)
  })

  it('reports the same bytes already in the case instead of adding them twice', async () => {
    const record = await openCase('Mailbox')
    await ws.repositories.evidence.importItem(file(record.id, 'IMG_1.jpg', 'a'), analyst)
    const again = await ws.repositories.evidence.importItem(
      file(record.id, 'copy of IMG_1.jpg', 'a'),
      analyst,
    )
    expect(again.status).toBe('duplicate')
    expect(again.status === 'duplicate' && again.existing.exhibitNumber).toBe(1)
    expect(await ws.repositories.evidence.listForCase(record.id)).toHaveLength(1)
  })

  it('links cases that hold the same file', async () => {
    const one = await openCase('Mailbox')
    const two = await openCase('Fence')
    await ws.repositories.evidence.importItem(file(one.id, 'IMG_1.jpg', 'a'), analyst)
    await ws.repositories.evidence.importItem(file(two.id, 'forwarded.jpg', 'a'), analyst)
    expect(
      (await ws.repositories.evidence.casesWithSameFile('a'.repeat(64), one.id)).map((c) => c.id),
    ).toEqual([two.id])
  })

  it('records each integrity check in the chain of custody, and a failure as one', async () => {
    const record = await openCase('Mailbox')
    const added = await ws.repositories.evidence.importItem(file(record.id, 'IMG_1.jpg', 'a'), analyst)
    if (added.status !== 'added') throw new Error('not added')
    expect(await ws.repositories.evidence.recordVerification(added.item.id, 'a'.repeat(64), analyst)).toBe(
      true,
    )
    expect(await ws.repositories.evidence.recordVerification(added.item.id, 'f'.repeat(64), analyst)).toBe(
      false,
    )
    const custody = await ws.repositories.custody.listForEvidence(added.item.id)
    expect(custody.map((event) => [event.action, event.detail.split(':')[0]])).toEqual([
      ['imported', 'Imported "IMG_1.jpg" (image/jpeg, 9 bytes)'],
      ['reverified', 'Integrity verified'],
      ['reverified', 'INTEGRITY FAILURE'],
    ])
  })

  it('refuses a removal without a reason', async () => {
    const record = await openCase('Mailbox')
    const added = await ws.repositories.evidence.importItem(file(record.id, 'IMG_1.jpg', 'a'), analyst)
    if (added.status !== 'added') throw new Error('not added')
    await expect(ws.repositories.evidence.removeItem(added.item.id, '  ', analyst)).rejects.toThrow(/say why/)
    expect((await ws.repositories.evidence.get(added.item.id))?.removed).toBeNull()
  })
})
