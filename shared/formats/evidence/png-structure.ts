import { Unzlib } from 'fflate'
import type { EvidenceDamage } from '../../domain'
import { count } from './image-damage'

/**
 * Reads a PNG's structure as a decoder does: its chunks from the signature to IEND, each chunk's CRC,
 * and the picture data (every IDAT chunk, inflated as one zlib stream) counted row by row, so a file
 * cut part-way says how many rows of the picture it holds. Nothing is drawn; the inflated bytes are
 * counted and dropped as they come, so a large picture needs little memory.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** IDAT data is inflated this much at a time, so a corrupt stretch still counts the rows before it. */
const INFLATE_SLICE = 64 * 1024

interface Header {
  width: number
  height: number
  /** Bits per pixel: channels × bit depth. */
  pixelBits: number
  interlaced: boolean
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (let index = 0; index < bytes.length; index++)
    crc = CRC_TABLE[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const u32 = (bytes: Uint8Array, at: number) =>
  ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

function readHeader(data: Uint8Array): Header | null {
  if (data.length < 13) return null
  const channels = CHANNELS[data[9]!]
  const width = u32(data, 0)
  const height = u32(data, 4)
  if (!channels || width === 0 || height === 0) return null
  return { width, height, pixelBits: channels * data[8]!, interlaced: data[12] === 1 }
}

const rowBytes = (width: number, pixelBits: number) => 1 + Math.ceil((width * pixelBits) / 8)

/** Adam7: each pass's (row count, bytes per row). */
function interlacePasses(header: Header): Array<[number, number]> {
  const passes: Array<[number, number, number, number]> = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ]
  return passes.map(([x, y, dx, dy]) => {
    const width = Math.ceil((header.width - x) / dx)
    const height = Math.ceil((header.height - y) / dy)
    return width > 0 && height > 0 ? [height, rowBytes(width, header.pixelBits)] : [0, 0]
  })
}

type Inflated =
  | { outcome: 'whole' }
  /** The data ran out after `bytes` inflated bytes. */
  | { outcome: 'short'; bytes: number }
  /** The zlib stream or a row's filter type is invalid after `bytes` inflated bytes. */
  | { outcome: 'corrupt'; bytes: number; reason: string }

/** Inflates the IDAT stream, checking each row's filter type, and counts the bytes it yields. */
function inflatePictureData(parts: Uint8Array[], header: Header, complete: boolean): Inflated {
  const rows: Array<[number, number]> = header.interlaced
    ? interlacePasses(header)
    : [[header.height, rowBytes(header.width, header.pixelBits)]]
  // Where each row starts in the inflated stream, walked as the bytes arrive.
  let pass = 0
  let rowInPass = 0
  let nextRowAt = 0
  let inflated = 0
  let badFilter: number | null = null
  const expected = rows.reduce((sum, [height, bytes]) => sum + height * bytes, 0)
  const stream = new Unzlib((chunk) => {
    for (;;) {
      while (pass < rows.length && rowInPass >= rows[pass]![0]) {
        pass++
        rowInPass = 0
      }
      if (pass >= rows.length || nextRowAt >= inflated + chunk.length) break
      if (badFilter === null && chunk[nextRowAt - inflated]! > 4) badFilter = nextRowAt
      nextRowAt += rows[pass]![1]
      rowInPass++
    }
    inflated += chunk.length
  })
  try {
    const all = parts.flatMap((part) => {
      const slices: Uint8Array[] = []
      for (let at = 0; at < part.length; at += INFLATE_SLICE)
        slices.push(part.subarray(at, at + INFLATE_SLICE))
      return slices
    })
    for (const [index, slice] of all.entries()) {
      stream.push(slice, complete && index === all.length - 1)
      if (badFilter !== null) break
    }
    if (all.length === 0) return { outcome: 'short', bytes: 0 }
  } catch (error) {
    // fflate's code 0 is "unexpected EOF": the data stops, rather than being wrong.
    if ((error as { code?: number }).code === 0) return { outcome: 'short', bytes: inflated }
    return { outcome: 'corrupt', bytes: inflated, reason: 'its compressed picture data is corrupt' }
  }
  if (badFilter !== null)
    return {
      outcome: 'corrupt',
      bytes: badFilter,
      reason: 'a row of its picture data has an invalid filter type',
    }
  return inflated >= expected ? { outcome: 'whole' } : { outcome: 'short', bytes: inflated }
}

/** How far `bytes` of inflated data reach, in words: rows of a plain PNG, passes of an interlaced one. */
function reach(header: Header, bytes: number): string {
  if (!header.interlaced) {
    const rows = Math.min(header.height, Math.floor(bytes / rowBytes(header.width, header.pixelBits)))
    return `${count(rows)} of ${count(header.height)} rows`
  }
  let pass = 0
  for (let left = bytes; pass < 7; pass++) {
    const [height, size] = interlacePasses(header)[pass]!
    if (left < height * size) break
    left -= height * size
  }
  return `${pass} of the 7 interlaced passes (each pass covers all ${count(header.height)} rows at coarser detail)`
}

/** Damage found in a PNG's structure, or null when it reads whole from signature to IEND. */
export function readPngStructure(bytes: Uint8Array): EvidenceDamage | null {
  if (bytes.length < 8 || SIGNATURE.some((byte, index) => bytes[index] !== byte))
    return { kind: 'damaged', detail: 'it does not begin with the PNG signature' }
  let header: Header | null = null
  const pictureData: Uint8Array[] = []
  const badChecksums: string[] = []
  let cutInside: string | null = null
  let ended = false
  for (let at = 8; at < bytes.length; ) {
    if (at + 8 > bytes.length) {
      cutInside = 'a chunk header'
      break
    }
    const length = u32(bytes, at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type))
      return {
        kind: 'damaged',
        detail: `its chunk at byte ${count(at)} cannot be read (its length or type is invalid)`,
      }
    const dataEnd = at + 8 + length
    if (dataEnd + 4 > bytes.length) {
      if (type === 'IDAT') pictureData.push(bytes.subarray(at + 8, Math.min(dataEnd, bytes.length)))
      cutInside = `its ${type} chunk`
      break
    }
    const data = bytes.subarray(at + 8, dataEnd)
    if (crc32(bytes.subarray(at + 4, dataEnd)) !== u32(bytes, dataEnd))
      badChecksums.push(`its ${type} chunk at byte ${count(at)}`)
    if (type === 'IHDR') header = readHeader(data)
    else if (type === 'IDAT') pictureData.push(data)
    else if (type === 'IEND') {
      ended = true
      break
    }
    at = dataEnd + 4
  }
  if (!header)
    return cutInside || !ended
      ? { kind: 'incomplete', detail: "the file ends before the picture's size is recorded" }
      : { kind: 'damaged', detail: 'its header (IHDR) is missing or cannot be read' }
  // The first few are named; a finding stays one readable sentence however many chunks fail.
  const named = badChecksums.slice(0, 3).join(', ')
  const others = badChecksums.length - 3
  const more = others > 0 ? ` and ${count(others)} more chunk${others === 1 ? '' : 's'}` : ''
  const checksums = badChecksums.length
    ? `${named}${more} ${badChecksums.length === 1 ? 'fails its' : 'fail their'} CRC check`
    : null
  const inflated = inflatePictureData(pictureData, header, ended)
  const problems = (first: string) => [first, checksums].filter(Boolean).join('; ')
  if (!ended) {
    const where = cutInside ? ` (inside ${cutInside})` : ''
    const shown =
      inflated.outcome === 'whole'
        ? `after all ${count(header.height)} rows of its picture data, without its end chunk (IEND)`
        : `after ${reach(header, inflated.bytes)}`
    return { kind: 'incomplete', detail: problems(`the file ends ${shown}${where}`) }
  }
  if (inflated.outcome === 'corrupt')
    return { kind: 'damaged', detail: problems(`${inflated.reason} after ${reach(header, inflated.bytes)}`) }
  if (inflated.outcome === 'short')
    return {
      kind: 'incomplete',
      detail: problems(`its picture data ends after ${reach(header, inflated.bytes)}`),
    }
  return checksums ? { kind: 'damaged', detail: checksums } : null
}
