import type { Evidence } from '@shared/domain'
import {
  EvidenceManifestSchema,
  verifyEvidenceBundle,
  writeEvidenceBundle,
} from '@shared/formats/evidence/evidence-bundle'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'

const sha256 = await createSha256Hasher()
const cut = { kind: 'incomplete' as const, detail: 'the file ends after 16 of 48 rows' }

const photo = (exhibitNumber: number, damage: Evidence['damage']) => {
  const bytes = strToU8(`photo ${exhibitNumber}`)
  const item: Evidence = {
    id: `item-${exhibitNumber}`,
    caseId: 'case-1',
    exhibitNumber,
    sha256: sha256(bytes),
    originalName: `IMG_${exhibitNumber}.jpg`,
    size: bytes.length,
    detectedType: 'image/jpeg',
    sourcePartyId: null,
    acquiredAt: '2026-11-24T09:00:00.000Z',
    importedAt: '2026-11-24T09:05:00.000Z',
    importedBy: analyst,
    description: '',
    tags: [],
    parentEvidenceId: null,
    removed: null,
    ...(damage === undefined ? {} : { damage }),
  }
  return { item, sourceName: '', bytes }
}

function bundle(): Record<string, Uint8Array> {
  const chunks: Uint8Array[] = []
  writeEvidenceBundle(
    {
      caseNumber: 'CR-2026-000001',
      caseTitle: 'Porch photos',
      exportedAt: '2026-11-24T10:00:00.000Z',
      exportedBy: analyst,
      // Cut part-way; checked and whole; imported before images were checked.
      items: [photo(1, cut), photo(2, null), photo(3, undefined)],
      custody: [],
      annotations: [],
      renderings: [],
    },
    (chunk) => chunks.push(chunk),
  )
  return unzipSync(new Uint8Array(Buffer.concat(chunks)))
}

describe('the image check in the evidence bundle', () => {
  it('is in manifest.json for each photo: the damage, null when whole, absent when never checked', () => {
    const manifest = EvidenceManifestSchema.parse(JSON.parse(strFromU8(bundle()['manifest.json']!)))
    expect(manifest.items.map((item) => item.damage)).toEqual([cut, null, undefined])
    expect(manifest.items[2]).not.toHaveProperty('damage')
  })

  it('is a column of manifest.csv', () => {
    const rows = strFromU8(bundle()['manifest.csv']!).split('\r\n')
    expect(rows[0]).toBe('exhibit,name,size,sha256,acquired_at,source,removed,image_check')
    expect(rows[1]).toMatch(/,incomplete: the file ends after 16 of 48 rows$/)
    expect(rows[2]).toMatch(/,complete$/)
    expect(rows[3]).toMatch(/,$/)
  })

  it('leaves the bundle verifiable', async () => {
    const chunks: Uint8Array[] = []
    writeEvidenceBundle(
      {
        caseNumber: 'CR-2026-000001',
        caseTitle: 'Porch photos',
        exportedAt: '2026-11-24T10:00:00.000Z',
        exportedBy: analyst,
        items: [photo(1, cut)],
        custody: [],
        annotations: [],
        renderings: [],
      },
      (chunk) => chunks.push(chunk),
    )
    const verdict = await verifyEvidenceBundle(new Uint8Array(Buffer.concat(chunks)))
    expect(verdict.ok).toBe(true)
  })
})
