import { EvidenceDamageSchema } from '@shared/domain'
import { readImageStructure } from '@shared/formats/evidence/image-structure'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { demoJpeg, heicOf, pngOf, webpOf } from './image-bytes'

const samples: Array<[string, Uint8Array]> = [
  ['image/jpeg', demoJpeg()],
  ['image/png', pngOf(40, 30)],
  ['image/webp', webpOf(200)],
  ['image/heic', heicOf(300)],
]

/** A finding the evidence record accepts: a damaged file must never make its import fail. */
const acceptable = (finding: unknown) => finding === null || EvidenceDamageSchema.safeParse(finding).success

describe('image structure on cut, altered and random bytes', () => {
  it('always answers with a finding the evidence record accepts, never an exception', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        ([type, whole], cutAt, changes) => {
          const bytes = whole.slice(0, cutAt % (whole.length + 1))
          for (const [at, value] of changes) if (bytes.length) bytes[at % bytes.length] = value
          expect(acceptable(readImageStructure(bytes, type))).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('names at most a few chunks that fail their CRC, so the finding stays one sentence', () => {
    const png = pngOf(40, 30)
    // Every CRC of the file wrong: IHDR, both IDATs and IEND.
    const altered = png.slice()
    for (let at = 8; at < altered.length; ) {
      const length = new DataView(altered.buffer).getUint32(at)
      altered[at + 8 + length + 3]! ^= 0xff
      at += 12 + length
    }
    const finding = readImageStructure(altered, 'image/png')
    expect(finding?.kind).toBe('damaged')
    expect(finding?.detail).toMatch(
      /^its IHDR chunk at byte 8, its IDAT chunk at byte [\d,]+, its IDAT chunk at byte [\d,]+ and 1 more chunk fail their CRC check$/,
    )
  })
})
