import type { EvidenceDamage } from '../../domain'
import { count } from './image-damage'

/**
 * Reads a JPEG's structure as a decoder does, without drawing it: the marker segments from the
 * start-of-image to the end-of-image, the frame header (the picture's width and height), and each
 * scan's entropy-coded data. Huffman-coded scans that carry whole rows (baseline scans, and the first
 * DC scan of a progressive file) are decoded symbol by symbol to count the MCU rows their data
 * completes, so a file cut part-way says exactly how many rows of the picture it holds.
 */

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const DHT = 0xc4
const DRI = 0xdd

interface FrameComponent {
  id: number
  h: number
  v: number
}

interface Frame {
  width: number
  height: number
  components: FrameComponent[]
  maxH: number
  maxV: number
  progressive: boolean
  /** Huffman-coded (arithmetic coding is not walked: its rows are not counted). */
  huffman: boolean
  /** Lossless JPEG codes samples, not 8 × 8 blocks: not walked either. */
  lossless: boolean
}

interface HuffmanTable {
  maxCode: Int32Array
  valuePointer: Int32Array
  minCode: Int32Array
  values: Uint8Array
  /** Codes of up to LOOKAHEAD bits, by their next LOOKAHEAD bits: (length << 8) | symbol, 0 if longer. */
  lookup: Uint16Array
}

const LOOKAHEAD = 9

interface Scan {
  components: Array<{ component: FrameComponent; dc: number; ac: number }>
  spectralStart: number
  spectralEnd: number
  approximationHigh: number
}

const incomplete = (detail: string): EvidenceDamage => ({ kind: 'incomplete', detail })
const damaged = (detail: string): EvidenceDamage => ({ kind: 'damaged', detail })
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`

function segmentName(marker: number): string {
  if (marker >= 0xe0 && marker <= 0xef) return `APP${marker - 0xe0} (metadata)`
  if (marker === 0xdb) return 'quantization table'
  if (marker === DHT) return 'Huffman table'
  if (marker === SOS) return 'scan header'
  if (marker === DRI) return 'restart interval'
  if (marker === 0xfe) return 'comment'
  if (isFrameMarker(marker)) return 'frame header'
  return `0x${marker.toString(16).toUpperCase()}`
}

/** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrameMarker = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== DHT && marker !== 0xc8 && marker !== 0xcc

function readFrame(marker: number, body: Uint8Array): Frame | null {
  if (body.length < 6) return null
  const componentCount = body[5]!
  if (componentCount === 0 || body.length < 6 + componentCount * 3) return null
  const components: FrameComponent[] = []
  for (let index = 0; index < componentCount; index++) {
    const at = 6 + index * 3
    const h = body[at + 1]! >> 4
    const v = body[at + 1]! & 15
    if (h < 1 || h > 4 || v < 1 || v > 4) return null
    components.push({ id: body[at]!, h, v })
  }
  return {
    height: (body[1]! << 8) | body[2]!,
    width: (body[3]! << 8) | body[4]!,
    components,
    maxH: Math.max(...components.map((component) => component.h)),
    maxV: Math.max(...components.map((component) => component.v)),
    progressive: marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce,
    huffman: marker < 0xc8,
    lossless: marker === 0xc3 || marker === 0xc7 || marker === 0xcb || marker === 0xcf,
  }
}

/** Canonical Huffman decoding tables (ITU T.81 F.2.2.3). False when the segment is malformed. */
function readHuffmanTables(body: Uint8Array, dc: HuffmanTable[], ac: HuffmanTable[]): boolean {
  for (let at = 0; at < body.length; ) {
    if (at + 17 > body.length) return false
    const tableClass = body[at]! >> 4
    const id = body[at]! & 15
    const counts = body.subarray(at + 1, at + 17)
    const total = counts.reduce((sum, value) => sum + value, 0)
    if (at + 17 + total > body.length || tableClass > 1 || id > 3) return false
    const table: HuffmanTable = {
      maxCode: new Int32Array(17).fill(-1),
      valuePointer: new Int32Array(17),
      minCode: new Int32Array(17),
      values: body.slice(at + 17, at + 17 + total),
      lookup: new Uint16Array(1 << LOOKAHEAD),
    }
    let code = 0
    let index = 0
    for (let length = 1; length <= 16; length++) {
      const codes = counts[length - 1]!
      table.valuePointer[length] = index
      table.minCode[length] = code
      code += codes
      index += codes
      if (codes) table.maxCode[length] = code - 1
      for (let first = code - codes; length <= LOOKAHEAD && first < code; first++) {
        const entry = (length << 8) | table.values[index - code + first]!
        const shift = LOOKAHEAD - length
        table.lookup.fill(entry, first << shift, (first + 1) << shift)
      }
      code <<= 1
    }
    ;(tableClass === 0 ? dc : ac)[id] = table
    at += 17 + total
  }
  return true
}

function readScan(body: Uint8Array, frame: Frame): Scan | null {
  const componentCount = body[0] ?? 0
  if (componentCount === 0 || body.length < 4 + componentCount * 2) return null
  const components: Scan['components'] = []
  for (let index = 0; index < componentCount; index++) {
    const at = 1 + index * 2
    const component = frame.components.find((candidate) => candidate.id === body[at])
    if (!component) return null
    components.push({ component, dc: body[at + 1]! >> 4, ac: body[at + 1]! & 15 })
  }
  const after = 1 + componentCount * 2
  return {
    components,
    spectralStart: body[after]!,
    spectralEnd: body[after + 1]!,
    approximationHigh: body[after + 2]! >> 4,
  }
}

/** Where a scan's entropy-coded data ends: the next marker other than a restart, or the file's end. */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0xff, from); at !== -1; at = bytes.indexOf(0xff, at + 1)) {
    if (at + 1 >= bytes.length) return bytes.length
    const next = bytes[at + 1]!
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at++
    else if (next !== 0xff) return at
  }
  return bytes.length
}

/** Data bytes left undecoded in a scan that still count as whole (libjpeg warns from the first one). */
const LEFTOVER_BYTES_ALLOWED = 2

const OUT_OF_DATA = -1
const AT_MARKER = -2
const BAD_CODE = -3

/**
 * The bits of one scan's entropy-coded data, stuffed zero bytes removed. It stops at the end of the
 * data or at a (restart) marker, and never makes up bits it does not have.
 */
class ScanBits {
  private buffer = 0
  bits = 0
  /** Why no more bits come: 0 while they do, OUT_OF_DATA or AT_MARKER. */
  stop = 0

  constructor(
    private readonly bytes: Uint8Array,
    public at: number,
    private readonly end: number,
  ) {}

  /** Tops the buffer up to more than 24 bits, unless the data stops first. */
  fill(): void {
    while (this.bits <= 24 && this.stop === 0) {
      if (this.at >= this.end) this.stop = OUT_OF_DATA
      else if (this.bytes[this.at] !== 0xff) {
        this.buffer = (this.buffer << 8) | this.bytes[this.at++]!
        this.bits += 8
      } else if (this.at + 1 >= this.end) this.stop = OUT_OF_DATA
      else if (this.bytes[this.at + 1] !== 0x00) this.stop = AT_MARKER
      else {
        this.buffer = (this.buffer << 8) | 0xff
        this.bits += 8
        this.at += 2
      }
    }
  }

  /** Drops `count` bits (a coefficient's value, never needed to count rows); false when they are not there. */
  skip(count: number): boolean {
    if (this.bits < count) this.fill()
    if (this.bits < count) return false
    this.bits -= count
    return true
  }

  /** The next Huffman symbol, or OUT_OF_DATA, AT_MARKER or BAD_CODE. */
  decode(table: HuffmanTable): number {
    if (this.bits < 16) this.fill()
    if (this.bits >= LOOKAHEAD) {
      const entry = table.lookup[(this.buffer >>> (this.bits - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1)]!
      if (entry) {
        this.bits -= entry >> 8
        return entry & 0xff
      }
    }
    let code = 0
    for (let length = 1; length <= 16; length++) {
      if (this.bits === 0) return this.stop || OUT_OF_DATA
      this.bits--
      code = (code << 1) | ((this.buffer >>> this.bits) & 1)
      if (code <= table.maxCode[length]!)
        return table.values[table.valuePointer[length]! + code - table.minCode[length]!]!
    }
    return BAD_CODE
  }

  /**
   * Whole bytes of data after what was decoded, up to `until`: the bits left in the last byte are
   * padding, and 0xFF fill bytes before a marker are allowed, so neither counts.
   */
  unread(until = this.end): number {
    let left = Math.floor(this.bits / 8)
    for (let at = this.at; at < until; at++) if (this.bytes[at] !== 0xff) left++
    return left
  }

  /**
   * At a restart: the bits left are padding; the next bytes are RSTn. Returns the data bytes that
   * came before it undecoded (a decoder skips them and goes on, as libjpeg does), or OUT_OF_DATA.
   */
  restart(): number {
    let at = this.at
    for (; at + 1 < this.end; at++)
      if (this.bytes[at] === 0xff && this.bytes[at + 1]! >= 0xd0 && this.bytes[at + 1]! <= 0xd7) break
    if (at + 1 >= this.end) return OUT_OF_DATA
    const skipped = this.unread(at)
    this.bits = 0
    this.buffer = 0
    this.stop = 0
    this.at = at + 2
    return skipped
  }
}

type ScanWalk =
  /** Every MCU the frame calls for was decoded, with `leftover` bytes of data after them. */
  | { outcome: 'whole'; leftover: number }
  /** The data ran out (the file's end, or the next marker) after `rows` complete rows. */
  | { outcome: 'short'; rows: number }
  /** A code no table defines, or a marker inside an MCU, after `rows` complete rows. */
  | { outcome: 'corrupt'; rows: number }

/**
 * Decodes a scan's Huffman symbols (skipping their value bits) MCU by MCU, to count the MCUs its
 * data completes. Nothing is reconstructed: no dequantisation or IDCT, so it is quick.
 */
function walkScan(
  bytes: Uint8Array,
  start: number,
  end: number,
  frame: Frame,
  scan: Scan,
  tables: { dc: HuffmanTable[]; ac: HuffmanTable[] },
  restartInterval: number,
): ScanWalk | null {
  const single = scan.components.length === 1
  const first = scan.components[0]!.component
  const mcusPerLine = single
    ? Math.ceil(Math.ceil((frame.width * first.h) / frame.maxH) / 8)
    : Math.ceil(frame.width / (8 * frame.maxH))
  const mcuLines = single
    ? Math.ceil(Math.ceil((frame.height * first.v) / frame.maxV) / 8)
    : Math.ceil(frame.height / (8 * frame.maxV))
  const rowsPerMcuLine = single ? (8 * frame.maxV) / first.v : 8 * frame.maxV
  const withAc = !frame.progressive
  // The tables of each block of one MCU, in coding order.
  const dcTables: HuffmanTable[] = []
  const acTables: HuffmanTable[] = []
  for (const { component, dc, ac } of scan.components) {
    const dcTable = tables.dc[dc]
    const acTable = tables.ac[ac]
    if (!dcTable || (withAc && !acTable)) return null
    for (let block = 0; block < (single ? 1 : component.h * component.v); block++) {
      dcTables.push(dcTable)
      if (acTable) acTables.push(acTable)
    }
  }

  const bits = new ScanBits(bytes, start, end)
  /** One block's symbols: 0 when complete, or why not. */
  const readBlock = (block: number): number => {
    const size = bits.decode(dcTables[block]!)
    if (size < 0) return size
    if (size > 16 || !bits.skip(size)) return size > 16 ? BAD_CODE : bits.stop
    if (!withAc) return 0
    const ac = acTables[block]!
    for (let k = 1; k < 64; ) {
      const symbol = bits.decode(ac)
      if (symbol < 0) return symbol
      const run = symbol >> 4
      const size = symbol & 15
      if (size === 0) {
        if (run !== 15) break
        k += 16
      } else {
        if (!bits.skip(size)) return bits.stop
        k += run + 1
      }
    }
    return 0
  }

  const total = mcusPerLine * mcuLines
  let leftover = 0
  const rowsAfter = (mcus: number) => Math.min(frame.height, Math.floor(mcus / mcusPerLine) * rowsPerMcuLine)
  for (let mcu = 0; mcu < total; mcu++) {
    if (restartInterval > 0 && mcu > 0 && mcu % restartInterval === 0) {
      const skipped = bits.restart()
      if (skipped === OUT_OF_DATA) return { outcome: 'short', rows: rowsAfter(mcu) }
      leftover += skipped
    }
    for (let block = 0; block < dcTables.length; block++) {
      const result = readBlock(block)
      if (result === OUT_OF_DATA) return { outcome: 'short', rows: rowsAfter(mcu) }
      if (result < 0) return { outcome: 'corrupt', rows: rowsAfter(mcu) }
    }
  }
  return { outcome: 'whole', leftover: leftover + bits.unread() }
}

/** Damage found in a JPEG's structure, or null when it reads whole from start to end-of-image. */
export function readJpegStructure(bytes: Uint8Array): EvidenceDamage | null {
  if (bytes.length < 2 || bytes[0] !== 0xff || bytes[1] !== SOI)
    return damaged('it does not begin with a JPEG start-of-image marker')
  const dc: HuffmanTable[] = []
  const ac: HuffmanTable[] = []
  let frame: Frame | null = null
  let restartInterval = 0
  let scans = 0
  let at = 2
  const endsEarly = (where: string) => {
    if (frame && scans > 0) return incomplete(endsAfterScans(frame, scans))
    return frame
      ? incomplete(`the file ends ${where}, before its picture data: 0 of ${count(frame.height)} rows`)
      : incomplete(`the file ends ${where}, before the picture's size is recorded`)
  }
  for (;;) {
    // Bytes between segments are skipped as decoders skip them; fill bytes (0xFF) may precede a marker.
    const marker = bytes.indexOf(0xff, at)
    if (marker === -1) return endsEarly('after its headers')
    at = marker
    while (at < bytes.length && bytes[at] === 0xff) at++
    if (at >= bytes.length) return endsEarly('after its headers')
    const code = bytes[at++]!
    if (code === EOI) {
      if (!frame) return damaged('it ends (end-of-image marker) without a frame header: there is no picture')
      return scans ? null : damaged('it ends (end-of-image marker) before any picture data')
    }
    // Markers without a segment; a stuffed 0xFF00 outside a scan is stray data, skipped like it.
    if ((code >= 0xd0 && code <= 0xd7) || code === 0x01 || code === 0x00 || code === SOI) continue
    if (at + 2 > bytes.length) return endsEarly(`inside its ${segmentName(code)} segment`)
    const length = (bytes[at]! << 8) | bytes[at + 1]!
    if (length < 2)
      return damaged(`its ${segmentName(code)} segment at byte ${count(at - 2)} has an impossible length`)
    const segmentEnd = at + length
    if (segmentEnd > bytes.length) return endsEarly(`inside its ${segmentName(code)} segment`)
    const body = bytes.subarray(at + 2, segmentEnd)
    at = segmentEnd
    if (isFrameMarker(code)) {
      frame = readFrame(code, body)
      if (!frame) return damaged(`its frame header at byte ${count(segmentEnd - length - 2)} cannot be read`)
    } else if (code === DHT) {
      if (!readHuffmanTables(body, dc, ac)) return damaged('one of its Huffman tables cannot be read')
    } else if (code === DRI) {
      restartInterval = body.length >= 2 ? (body[0]! << 8) | body[1]! : 0
    } else if (code === SOS) {
      if (!frame) return damaged('its picture data comes before its frame header')
      const scan = readScan(body, frame)
      if (!scan) return damaged(`the header of its ${ordinal(scans + 1)} scan cannot be read`)
      const dataEnd = scanEnd(bytes, at)
      const found = scanFinding(bytes, at, dataEnd, frame, scan, { dc, ac }, restartInterval, scans)
      if (found) return found
      scans++
      at = dataEnd
    }
  }
}

function noEndMarker(frame: Frame): string {
  return `the file ends without its end-of-image marker (all ${count(frame.height)} rows of picture data are present; anything after them is missing)`
}

/** A file cut between scans: a baseline picture is whole; a progressive one lacks its later refinements. */
function endsAfterScans(frame: Frame, scans: number): string {
  if (!frame.progressive) return noEndMarker(frame)
  return `the file ends after its ${ordinal(scans)} scan: its scans so far cover all ${count(frame.height)} rows, but the detail or colour of the later ones is missing`
}

/** What one scan's data says: the file cut inside it, its data short, or corrupt; null when whole. */
function scanFinding(
  bytes: Uint8Array,
  start: number,
  end: number,
  frame: Frame,
  scan: Scan,
  tables: { dc: HuffmanTable[]; ac: HuffmanTable[] },
  restartInterval: number,
  earlierScans: number,
): EvidenceDamage | null {
  const cut = end >= bytes.length
  const rows = count(frame.height)
  // Rows are counted where a scan's data covers whole rows: a baseline scan, or a progressive file's
  // first DC scan (its later scans refine the picture everywhere, so they have no rows to count).
  const countable =
    frame.huffman &&
    !frame.lossless &&
    frame.height > 0 &&
    (!frame.progressive || (scan.spectralStart === 0 && scan.approximationHigh === 0))
  const walk =
    countable && (earlierScans === 0 || !frame.progressive)
      ? walkScan(bytes, start, end, frame, scan, tables, restartInterval)
      : null
  if (walk?.outcome === 'corrupt')
    return damaged(
      `its picture data cannot be decoded after ${count(walk.rows)} of ${rows} rows (corrupt data in its ${ordinal(earlierScans + 1)} scan)`,
    )
  if (cut) {
    if (walk?.outcome === 'short' && earlierScans === 0)
      return incomplete(`the file ends after ${count(walk.rows)} of ${rows} rows`)
    if (earlierScans > 0)
      return incomplete(
        `the file ends part-way through its ${ordinal(earlierScans + 1)} scan: its earlier scans cover all ${rows} rows, but the detail or colour of the later ones is missing`,
      )
    if (walk?.outcome === 'whole') return incomplete(endsAfterScans(frame, 1))
    return incomplete(
      `the file ends part-way through its picture data (its rows cannot be counted for this kind of JPEG)`,
    )
  }
  if (walk?.outcome === 'short')
    return incomplete(
      `its picture data ends after ${count(walk.rows)} of ${rows} rows (the ${ordinal(earlierScans + 1)} scan stops short)`,
    )
  // Data left over once every row is decoded means the decoder lost step with it: a corrupt stretch
  // decodes as other symbols, and the rows after it are garbled.
  if (walk?.outcome === 'whole' && walk.leftover > LEFTOVER_BYTES_ALLOWED)
    return damaged(
      `its picture data is corrupt: ${count(walk.leftover)} bytes of its ${ordinal(earlierScans + 1)} scan do not decode as picture data, so part of the picture is garbled`,
    )
  return null
}
