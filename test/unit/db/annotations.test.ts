import type { EvidenceImport } from '@db/repositories/evidence'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest, openBareCase } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

async function photoInCase() {
  const record = await openBareCase(ws, 'Porch step damaged')
  const photo: EvidenceImport = {
    caseId: record.id,
    blob: new Blob(['jpeg bytes']),
    originalName: 'porch.jpg',
    size: 10,
    sha256: 'd'.repeat(64),
    detectedType: 'image/jpeg',
    sourcePartyId: null,
    acquiredAt: '2026-11-24T09:00:00.000Z',
    description: '',
  }
  const outcome = await ws.repositories.evidence.importItem(photo, analyst)
  if (outcome.status !== 'added') throw new Error('not added')
  return outcome.item
}

describe('annotations', () => {
  it('keeps marks apart from the bytes, and writes each change to the custody record and the audit', async () => {
    const item = await photoInCase()
    const box = { page: null, x: 0.1, y: 0.2, width: 0.3, height: 0.1 }
    const redaction = await ws.repositories.annotations.add(
      { kind: 'redaction', evidenceId: item.id, ...box },
      analyst,
    )
    const callout = await ws.repositories.annotations.add(
      { kind: 'callout', evidenceId: item.id, ...box, y: 0.6, text: 'Crack in the step' },
      analyst,
    )
    await ws.repositories.annotations.updateText(callout.id, 'Crack along the top step', analyst)
    await ws.repositories.annotations.remove(redaction.id, analyst)

    const marks = await ws.repositories.annotations.listForEvidence(item.id)
    expect(marks).toEqual([expect.objectContaining({ kind: 'callout', text: 'Crack along the top step' })])
    const custody = await ws.repositories.custody.listForEvidence(item.id)
    expect(custody.map((event) => `${event.action}: ${event.detail}`)).toEqual([
      expect.stringMatching(/^imported/),
      'annotated: Added redaction on the image',
      'annotated: Added text callout on the image: "Crack in the step"',
      'annotated: Changed text callout on the image: "Crack along the top step"',
      'annotated: Removed redaction on the image',
    ])
    expect(custody.every((event) => event.sha256 === item.sha256)).toBe(true)
    const audit = await ws.repositories.audit.listForCase(item.caseId)
    expect(audit.filter((entry) => entry.entity === 'annotation')).toHaveLength(4)
    expect(await (await ws.repositories.evidence.getBlob(item.sha256))?.text()).toBe('jpeg bytes')
  })

  it('refuses marks outside the picture, empty callouts and notes on removed items', async () => {
    const item = await photoInCase()
    await expect(
      ws.repositories.annotations.add(
        { kind: 'rectangle', evidenceId: item.id, page: null, x: 0.5, y: 0.5, width: 1.5, height: 0.1 },
        analyst,
      ),
    ).rejects.toThrow(/Not saved/)
    await expect(
      ws.repositories.annotations.add(
        { kind: 'note', evidenceId: item.id, anchor: { kind: 'media', seconds: 4 }, text: '  ' },
        analyst,
      ),
    ).rejects.toThrow(/cannot be empty/)
    await ws.repositories.evidence.removeItem(item.id, 'Wrong case', analyst)
    await expect(
      ws.repositories.annotations.add(
        { kind: 'note', evidenceId: item.id, anchor: { kind: 'media', seconds: 4 }, text: 'Door slams' },
        analyst,
      ),
    ).rejects.toThrow(/removed from the case/)
    expect(await ws.repositories.annotations.listForEvidence(item.id)).toEqual([])
  })

  it('travels with the case in a case bundle', async () => {
    const item = await photoInCase()
    await ws.repositories.annotations.add(
      {
        kind: 'note',
        evidenceId: item.id,
        anchor: { kind: 'media', seconds: 72.5 },
        text: 'Shopper says "sorry"',
      },
      analyst,
    )
    const { caseFiles } = await ws.repositories.caseFiles.exportCaseFiles([item.caseId])
    expect(caseFiles[0]?.annotations).toEqual([
      expect.objectContaining({ kind: 'note', anchor: { kind: 'media', seconds: 72.5 } }),
    ])
  })
})
