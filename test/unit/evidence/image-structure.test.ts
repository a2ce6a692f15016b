import { readIsoBoxStructure, readWebpStructure } from '@shared/formats/evidence/container-structure'
import { damageSentence, imageCheckFinding } from '@shared/formats/evidence/image-damage'
import { readImageStructure } from '@shared/formats/evidence/image-structure'
import { describe, expect, it } from 'vitest'
import { demoJpeg, heicOf, pngOf, webpOf } from './image-bytes'

describe('WebP and HEIC structure', () => {
  it('reads whole files as undamaged', () => {
    expect(readWebpStructure(webpOf(300))).toBeNull()
    expect(readIsoBoxStructure(heicOf(500))).toBeNull()
  })

  it('says how much of a cut WebP is there, against the size its header declares', () => {
    const file = webpOf(300)
    expect(readWebpStructure(file.subarray(0, 200))).toEqual({
      kind: 'incomplete',
      detail: `the file ends after 200 of the ${file.length} bytes its header declares`,
    })
  })

  it('names the box a cut HEIC ends in, and calls one without its index incomplete', () => {
    const file = heicOf(500)
    // ftyp (24 bytes) and meta (48) are whole; mdat (508 bytes) has 100 of them.
    expect(readIsoBoxStructure(file.subarray(0, 24 + 48 + 100))).toEqual({
      kind: 'incomplete',
      detail: "the file ends inside its 'mdat' box: 100 of its 508 bytes are present",
    })
    expect(readIsoBoxStructure(heicOf(500, false))?.detail).toBe(
      "it has no 'meta' box (the index of its pictures)",
    )
  })
})

describe('reading an image by its detected type', () => {
  it('reads JPEG, PNG, WebP and HEIC, and claims nothing about types it has no reader for', () => {
    expect(readImageStructure(demoJpeg(), 'image/jpeg')).toBeNull()
    expect(readImageStructure(pngOf(8, 8).subarray(0, 50), 'image/png')?.kind).toBe('incomplete')
    expect(readImageStructure(webpOf(10), 'image/webp')).toBeNull()
    expect(readImageStructure(heicOf(10).subarray(0, 80), 'image/heic')?.kind).toBe('incomplete')
    expect(readImageStructure(new Uint8Array(10), 'image/gif')).toBeUndefined()
  })
})

describe('the words for a finding', () => {
  const damage = { kind: 'incomplete' as const, detail: 'the file ends after 16 of 48 rows' }

  it('is one sentence for every view', () => {
    expect(damageSentence(damage)).toBe('This image is incomplete: the file ends after 16 of 48 rows.')
  })

  it('records in custody what was found, and how far the check could go', () => {
    expect(imageCheckFinding({ damage, decoded: false }, 'image/jpeg')).toBe(
      'image check: INCOMPLETE — the file ends after 16 of 48 rows',
    )
    expect(imageCheckFinding({ damage: null, decoded: true }, 'image/jpeg')).toBe(
      'image check: the picture is complete and decodes',
    )
    expect(imageCheckFinding({ damage: null, decoded: false }, 'image/heic')).toBe(
      "image check: the file's structure is complete (this workstation has no decoder for image/heic)",
    )
  })
})
