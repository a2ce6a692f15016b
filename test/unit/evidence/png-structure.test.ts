import { constants, inflateSync } from 'node:zlib'
import { readPngStructure } from '@shared/formats/evidence/png-structure'
import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { concat, pngChunk, pngOf, pngRows } from './image-bytes'

const WIDTH = 200
const HEIGHT = 100
const ROW_BYTES = 1 + WIDTH * 3
const png = pngOf(WIDTH, HEIGHT)

/** The chunks of a PNG: type, where it starts, its data. */
function chunks(bytes: Uint8Array) {
  const found: Array<{ type: string; at: number; data: Uint8Array }> = []
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + at).getUint32(0)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    found.push({ type, at, data: bytes.subarray(at + 8, at + 8 + length) })
    at += 12 + length
  }
  return found
}

/** Whole rows in the picture data of a PNG cut at `length`, inflated by Node's zlib (not fflate). */
function rowsBefore(length: number): number {
  const data = concat(
    ...chunks(png)
      .filter((chunk) => chunk.type === 'IDAT')
      .map((chunk) => chunk.data.subarray(0, Math.max(0, length - chunk.at - 8))),
  )
  const inflated = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).length
  return Math.floor(inflated / ROW_BYTES)
}

describe('PNG structure', () => {
  it('reads a whole PNG, signature to IEND, every CRC right, as undamaged', () => {
    expect(readPngStructure(png)).toBeNull()
  })

  it('counts, for a PNG cut anywhere in its picture data, the whole rows it still holds', () => {
    const idat = chunks(png).find((chunk) => chunk.type === 'IDAT')!
    const counted: number[] = []
    for (let length = idat.at + 60; length < png.length - 12; length += 397) {
      const damage = readPngStructure(png.subarray(0, length))
      expect(damage?.kind).toBe('incomplete')
      const rows = rowsBefore(length)
      expect(damage?.detail).toBe(`the file ends after ${rows} of ${HEIGHT} rows (inside its IDAT chunk)`)
      counted.push(rows)
    }
    expect(counted.at(-1)).toBeGreaterThan(90)
    expect(new Set(counted).size).toBeGreaterThan(10)
  })

  it('says when only the end chunk is missing', () => {
    expect(readPngStructure(png.subarray(0, png.length - 12))).toEqual({
      kind: 'incomplete',
      detail: `the file ends after all ${HEIGHT} rows of its picture data, without its end chunk (IEND)`,
    })
  })

  it('calls a chunk whose CRC does not match damaged, naming the chunk and where it is', () => {
    const altered = png.slice()
    const idat = chunks(png).find((chunk) => chunk.type === 'IDAT')!
    // The last byte of the first IDAT's CRC: the picture data itself is untouched.
    altered[idat.at + 8 + idat.data.length + 3]! ^= 0x01
    expect(readPngStructure(altered)).toEqual({
      kind: 'damaged',
      detail: `its IDAT chunk at byte ${idat.at} fails its CRC check`,
    })
  })

  it('finds picture data that ends short of the height its header gives, though IEND is there', () => {
    const short = pngOf(WIDTH, HEIGHT, pngRows(WIDTH, 60))
    expect(readPngStructure(short)).toEqual({
      kind: 'incomplete',
      detail: `its picture data ends after 60 of ${HEIGHT} rows`,
    })
  })

  it('calls corrupt compressed data damaged, with the rows before it', () => {
    const header = chunks(png).find((chunk) => chunk.type === 'IHDR')!.data
    const data = zlibSync(pngRows(WIDTH, HEIGHT))
    // A block type of 3 does not exist in deflate: the stream cannot go on from there.
    const broken = concat(data.subarray(0, 2), new Uint8Array([0x07]), data.subarray(3))
    const file = concat(
      png.subarray(0, 8),
      pngChunk('IHDR', header),
      pngChunk('IDAT', broken),
      pngChunk('IEND', new Uint8Array(0)),
    )
    expect(readPngStructure(file)).toEqual({
      kind: 'damaged',
      detail: `its compressed picture data is corrupt after 0 of ${HEIGHT} rows`,
    })
  })
})
