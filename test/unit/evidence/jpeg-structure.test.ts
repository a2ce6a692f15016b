import { readJpegStructure } from '@shared/formats/evidence/jpeg-structure'
import jpeg from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { concat, demoJpeg } from './image-bytes'

const photo = demoJpeg()
/** Where the picture data starts: after the scan header (FF DA, its length, its fields). */
const scanStart = (() => {
  for (let at = 0; at < photo.length - 1; at++)
    if (photo[at] === 0xff && photo[at + 1] === 0xda) return at + 2 + ((photo[at + 2]! << 8) | photo[at + 3]!)
  throw new Error('no scan')
})()
const rowsIn = (detail: string) => Number(/after (\d+) of 48 rows/.exec(detail)?.[1])

const whole = jpeg.decode(photo, { useTArray: true })

/**
 * The first row a decoder draws differently from the whole photo when the file stops at `length`.
 * jpeg-js decodes what follows the cut from filler bytes; a filler can happen to match the missing
 * bits for a while, so the earliest wrong row over several fillers is taken.
 */
function firstWrongRow(length: number): number {
  const rows = [0x00, 0x55, 0xaa, 0x33].map((filler) => {
    const cut = concat(
      photo.subarray(0, length),
      new Uint8Array(40_000).fill(filler),
      new Uint8Array([0xff, 0xd9]),
    )
    const drawn = jpeg.decode(cut, { useTArray: true, tolerantDecoding: true })
    const index = drawn.data.findIndex((value, at) => value !== whole.data[at])
    return index === -1 ? 48 : Math.floor(index / 4 / whole.width)
  })
  return Math.min(...rows)
}

describe('JPEG structure', () => {
  it('reads a whole photo, from start-of-image to end-of-image, as undamaged', () => {
    expect(readJpegStructure(photo)).toBeNull()
  })

  it('counts, for a photo cut anywhere in its picture data, the rows a decoder still draws', () => {
    const counted: number[] = []
    for (let length = scanStart + 1; length < photo.length - 2; length += 7) {
      const damage = readJpegStructure(photo.subarray(0, length))
      expect(damage?.kind).toBe('incomplete')
      expect(damage?.detail).toMatch(/^the file ends after \d+ of 48 rows$/)
      const rows = rowsIn(damage!.detail)
      // Rows come in MCU rows of 8: the decoder's first wrong row is in the MCU row after the count.
      expect(Math.floor(firstWrongRow(length) / 8) * 8).toBe(rows)
      counted.push(rows)
    }
    expect(counted[0]).toBe(0)
    expect(counted.at(-1)).toBe(40)
    expect(new Set(counted).size).toBeGreaterThan(3)
  })

  it('says when only the end-of-image marker is missing, and when the file ends before any row', () => {
    expect(readJpegStructure(photo.subarray(0, photo.length - 2))).toEqual({
      kind: 'incomplete',
      detail:
        'the file ends without its end-of-image marker (all 48 rows of picture data are present; anything after them is missing)',
    })
    expect(readJpegStructure(photo.subarray(0, scanStart - 4))?.detail).toBe(
      'the file ends inside its scan header segment, before its picture data: 0 of 48 rows',
    )
    expect(readJpegStructure(photo.subarray(0, 40))?.detail).toBe(
      "the file ends inside its APP1 (metadata) segment, before the picture's size is recorded",
    )
  })

  it('finds picture data that stops short though the end-of-image marker follows it', () => {
    const patched = concat(photo.subarray(0, scanStart + 200), new Uint8Array([0xff, 0xd9]))
    const damage = readJpegStructure(patched)
    expect(damage?.kind).toBe('incomplete')
    expect(damage?.detail).toBe(
      `its picture data ends after ${rowsIn(readJpegStructure(photo.subarray(0, scanStart + 200))!.detail)} of 48 rows (the 1st scan stops short)`,
    )
  })

  it('calls corrupt picture data damaged, with the rows before it', () => {
    // Sixteen and more one bits in a row (0xFF, stuffed with 0x00) are a code no Huffman table defines.
    const corrupt = photo.slice()
    for (let at = scanStart + 150; at < scanStart + 170; at += 2) corrupt.set([0xff, 0x00], at)
    const damage = readJpegStructure(corrupt)
    expect(damage?.kind).toBe('damaged')
    expect(damage?.detail).toMatch(/^its picture data (cannot be decoded after \d+ of 48 rows|is corrupt)/)
  })

  it('refuses bytes that are not a JPEG at all', () => {
    expect(readJpegStructure(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))?.kind).toBe('damaged')
  })
})
