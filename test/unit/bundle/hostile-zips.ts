// Zips written byte by byte, so tests can make the ones no honest writer makes: doubled names, sizes
// that lie, entries that share bytes, ZIP64 records, 100,000 entries, data at offsets past 4 GiB.
import { unzipSync } from 'fflate'

export interface ZipRecord {
  name: string
  /** The bytes as they sit in the zip: deflated when `method` is 8. */
  data: Uint8Array
  method?: number
  /** The uncompressed size the directory declares; by default the stored data's length. */
  size?: number
  /** A different name in the local header than in the directory. */
  localName?: string
  flags?: number
}

export interface ZipLayout {
  /** Where the zip starts in its file (bytes before it are never read): offsets count from 0. */
  baseOffset?: number
  /** Sizes and offsets in ZIP64 records, as zips over 4 GiB or 65,535 entries need. */
  zip64?: boolean
  /** Point every directory record at the first entry's bytes (the overlapping-entries bomb). */
  overlap?: boolean
}

const UTF8_FLAG = 0x800
const encoder = new TextEncoder()

/** The zip's bytes; with a base offset, they belong at that offset of their file. */
export function buildZip(records: readonly ZipRecord[], layout: ZipLayout = {}): Uint8Array {
  const base = layout.baseOffset ?? 0
  const zip64 = layout.zip64 ?? false
  const names = records.map((record) => encoder.encode(record.name))
  const localNames = records.map((record, index) =>
    record.localName === undefined ? names[index]! : encoder.encode(record.localName),
  )
  let localTotal = 0
  let directoryTotal = 0
  records.forEach((record, index) => {
    localTotal += 30 + localNames[index]!.length + (zip64 ? 20 : 0) + record.data.length
    directoryTotal += 46 + names[index]!.length + (zip64 ? 28 : 0)
  })
  const out = new Uint8Array(localTotal + directoryTotal + 22 + (zip64 ? 76 : 0))
  const view = new DataView(out.buffer)
  let at = 0
  const u16 = (value: number) => {
    view.setUint16(at, value, true)
    at += 2
  }
  const u32 = (value: number) => {
    view.setUint32(at, value, true)
    at += 4
  }
  const u64 = (value: number) => {
    view.setBigUint64(at, BigInt(value), true)
    at += 8
  }
  const offsets: number[] = []
  records.forEach((record, index) => {
    offsets.push(base + at)
    const size = record.size ?? record.data.length
    u32(0x04034b50)
    u16(zip64 ? 45 : 20)
    u16(record.flags ?? UTF8_FLAG)
    u16(record.method ?? 0)
    u32(0) // time and date
    u32(0) // CRC-32: the readers rely on SHA-256, never on it
    u32(zip64 ? 0xffffffff : record.data.length)
    u32(zip64 ? 0xffffffff : size)
    u16(localNames[index]!.length)
    u16(zip64 ? 20 : 0)
    out.set(localNames[index]!, at)
    at += localNames[index]!.length
    if (zip64) {
      u16(1)
      u16(16)
      u64(size)
      u64(record.data.length)
    }
    out.set(record.data, at)
    at += record.data.length
  })
  const directoryOffset = base + at
  records.forEach((record, index) => {
    const size = record.size ?? record.data.length
    u32(0x02014b50)
    u16(zip64 ? 45 : 20)
    u16(zip64 ? 45 : 20)
    u16(record.flags ?? UTF8_FLAG)
    u16(record.method ?? 0)
    u32(0)
    u32(0)
    u32(zip64 ? 0xffffffff : record.data.length)
    u32(zip64 ? 0xffffffff : size)
    u16(names[index]!.length)
    u16(zip64 ? 28 : 0)
    u16(0) // comment
    u16(0) // disk
    u16(0) // internal attributes
    u32(0) // external attributes
    u32(zip64 ? 0xffffffff : layout.overlap ? offsets[0]! : offsets[index]!)
    out.set(names[index]!, at)
    at += names[index]!.length
    if (zip64) {
      u16(1)
      u16(24)
      u64(size)
      u64(record.data.length)
      u64(layout.overlap ? offsets[0]! : offsets[index]!)
    }
  })
  const directorySize = base + at - directoryOffset
  if (zip64) {
    const recordOffset = base + at
    u32(0x06064b50)
    u64(44)
    u16(45)
    u16(45)
    u32(0)
    u32(0)
    u64(records.length)
    u64(records.length)
    u64(directorySize)
    u64(directoryOffset)
    u32(0x07064b50)
    u32(0)
    u64(recordOffset)
    u32(1)
  }
  u32(0x06054b50)
  u16(0)
  u16(0)
  u16(zip64 ? 0xffff : records.length & 0xffff)
  u16(zip64 ? 0xffff : records.length & 0xffff)
  u32(zip64 ? 0xffffffff : directorySize)
  u32(zip64 ? 0xffffffff : directoryOffset)
  u16(0)
  return out
}

/** The entries of a zip an honest writer made, stored as they are: the benign part of a hostile zip. */
export function storedRecords(zip: Uint8Array): ZipRecord[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }))
}

/**
 * A deflate stream of `size` zero bytes, written by hand: one fixed-Huffman block of a literal 0 and
 * then matches of 258 bytes at distance 1 (13 bits each), so 1 GiB of zeros takes about 6.5 MB.
 */
export function zerosDeflate(size: number): Uint8Array {
  const matches = Math.floor((size - 1) / 258)
  const literals = size - 1 - matches * 258
  const bits = 3 + 8 + matches * 13 + literals * 8 + 7
  const out = new Uint8Array(Math.ceil(bits / 8))
  let pending = 0
  let pendingBits = 0
  let at = 0
  // Huffman codes go most significant bit first, so they are written here bit-reversed.
  const put = (value: number, length: number) => {
    pending |= value << pendingBits
    pendingBits += length
    while (pendingBits >= 8) {
      out[at++] = pending & 0xff
      pending >>>= 8
      pendingBits -= 8
    }
  }
  const LITERAL_ZERO = 0x0c // code 00110000
  const LENGTH_258 = 0xa3 // code 11000101 (symbol 285), then distance code 00000
  put(0b011, 3) // last block, fixed Huffman codes
  put(LITERAL_ZERO, 8)
  for (let match = 0; match < matches; match++) put(LENGTH_258, 13)
  for (let literal = 0; literal < literals; literal++) put(LITERAL_ZERO, 8)
  put(0, 7) // end of block
  if (pendingBits > 0) out[at] = pending & 0xff
  return out
}

export const GiB = 1024 ** 3
