import { strFromU8 } from 'fflate'
import { formatBytes } from '../../byte-size'
import { BundleRefusal, type BundleSource, readExactly } from './bundle-source'
import { displayEntryName } from './entry-names'

/** One file of a zip, as its central directory describes it. Nothing here has been inflated. */
export interface ZipEntry {
  name: string
  /** 0 = stored as is, 8 = deflated; nothing else is read. */
  method: 0 | 8
  compressedSize: number
  /** Uncompressed size as declared: the reader holds the entry to it. */
  size: number
  localHeaderOffset: number
  /** Where the next entry (or the directory) starts: this entry's data must end before it. */
  regionEnd: number
}

export interface ZipDirectoryLimits {
  maxEntries: number
  maxDirectoryBytes: number
}

const END_OF_DIRECTORY = 0x06054b50
const ZIP64_END_OF_DIRECTORY = 0x06064b50
const ZIP64_LOCATOR = 0x07064b50
const DIRECTORY_ENTRY = 0x02014b50
const END_OF_DIRECTORY_SIZE = 22
const LOCAL_HEADER_SIZE = 30
const MAX_COMMENT = 0xffff
const UNKNOWN16 = 0xffff
const UNKNOWN32 = 0xffffffff

export const NOT_A_ZIP = 'This file is not a zip archive (it may be truncated or damaged).'
const DAMAGED_DIRECTORY =
  "The zip's directory is damaged (the bundle may be truncated or altered); it was refused."

/** Bit 0: encrypted; bit 11: the name is UTF-8 (otherwise code page 437, read here as Latin-1). */
export const ENCRYPTED_FLAG = 0x1
const UTF8_FLAG = 0x800

export const decodeEntryName = (bytes: Uint8Array, flags: number) => strFromU8(bytes, !(flags & UTF8_FLAG))

function uint64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new BundleRefusal(DAMAGED_DIRECTORY)
  return Number(value)
}

interface DirectoryLocation {
  entryCount: number
  offset: number
  size: number
  /** Where the records after the directory begin: the directory must end by then. */
  end: number
  zip64: boolean
}

/** Finds the end-of-central-directory record (and its ZIP64 form) in the last bytes of the file. */
async function locateDirectory(source: BundleSource): Promise<DirectoryLocation> {
  if (source.size < END_OF_DIRECTORY_SIZE) throw new BundleRefusal(NOT_A_ZIP)
  const tailLength = Math.min(source.size, END_OF_DIRECTORY_SIZE + MAX_COMMENT)
  const tailStart = source.size - tailLength
  const tail = await readExactly(source, tailStart, tailLength)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  let at = -1
  for (let candidate = tailLength - END_OF_DIRECTORY_SIZE; candidate >= 0; candidate--) {
    // The record's comment must run exactly to the end of the file, so a signature inside a comment
    // or inside entry data is not mistaken for it.
    if (
      view.getUint32(candidate, true) === END_OF_DIRECTORY &&
      candidate + END_OF_DIRECTORY_SIZE + view.getUint16(candidate + 20, true) === tailLength
    ) {
      at = candidate
      break
    }
  }
  if (at < 0) throw new BundleRefusal(NOT_A_ZIP)
  const disk = view.getUint16(at + 4, true)
  const directoryDisk = view.getUint16(at + 6, true)
  const entriesOnDisk = view.getUint16(at + 8, true)
  const entryCount = view.getUint16(at + 10, true)
  const size = view.getUint32(at + 12, true)
  const offset = view.getUint32(at + 16, true)
  const recordOffset = tailStart + at
  const locator = recordOffset >= 20 ? await readExactly(source, recordOffset - 20, 20) : null
  const locatorView = locator && new DataView(locator.buffer, locator.byteOffset, 20)
  const hasLocator = locatorView?.getUint32(0, true) === ZIP64_LOCATOR
  // A count of 0xffff may be a real count (a writer without ZIP64 keeps the low 16 bits); the sizes
  // and offset at 0xffffffff always mean the ZIP64 record holds the real values.
  const needsZip64 =
    disk === UNKNOWN16 || directoryDisk === UNKNOWN16 || size === UNKNOWN32 || offset === UNKNOWN32
  const mayBeZip64 = entriesOnDisk === UNKNOWN16 || entryCount === UNKNOWN16
  if (locatorView && hasLocator && (needsZip64 || mayBeZip64)) {
    return locateZip64Directory(source, locatorView, recordOffset - 20)
  }
  if (needsZip64) throw new BundleRefusal(DAMAGED_DIRECTORY)
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) throw new BundleRefusal(SPLIT)
  return { entryCount, offset, size, end: recordOffset, zip64: false }
}

const SPLIT = 'The zip is split across several files; only a bundle in one file can be read.'

async function locateZip64Directory(
  source: BundleSource,
  locator: DataView,
  locatorOffset: number,
): Promise<DirectoryLocation> {
  if (locator.getUint32(4, true) !== 0 || locator.getUint32(16, true) > 1) throw new BundleRefusal(SPLIT)
  const recordOffset = uint64(locator, 8)
  if (recordOffset + 56 > locatorOffset) throw new BundleRefusal(DAMAGED_DIRECTORY)
  const record = await readExactly(source, recordOffset, 56)
  const view = new DataView(record.buffer, record.byteOffset, 56)
  if (view.getUint32(0, true) !== ZIP64_END_OF_DIRECTORY) throw new BundleRefusal(DAMAGED_DIRECTORY)
  if (view.getUint32(16, true) !== 0 || view.getUint32(20, true) !== 0) throw new BundleRefusal(SPLIT)
  const entryCount = uint64(view, 32)
  if (uint64(view, 24) !== entryCount) throw new BundleRefusal(SPLIT)
  return { entryCount, size: uint64(view, 40), offset: uint64(view, 48), end: recordOffset, zip64: true }
}

/** Sizes and offset too large for 32 bits are in the ZIP64 extra field, in this order. */
function readZip64Extra(
  view: DataView,
  extraStart: number,
  extraEnd: number,
  fields: { size: number; compressedSize: number; localHeaderOffset: number },
) {
  const wanted = (['size', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (field) => fields[field] === UNKNOWN32,
  )
  if (wanted.length === 0) return fields
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue
    const length = view.getUint16(at + 2, true)
    if (length < wanted.length * 8 || at + 4 + length > extraEnd) break
    const found = { ...fields }
    wanted.forEach((field, index) => {
      found[field] = uint64(view, at + 4 + index * 8)
    })
    return found
  }
  throw new BundleRefusal(DAMAGED_DIRECTORY)
}

/**
 * Every record in the directory, read to its end. The count in the end record is only a check: zip
 * writers without ZIP64 (fflate among them, which writes the app's bundles) keep just its low 16 bits.
 */
function parseDirectory(
  directory: Uint8Array,
  location: DirectoryLocation,
  limits: ZipDirectoryLimits,
): ZipEntry[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength)
  const entries: ZipEntry[] = []
  let at = 0
  while (at < directory.byteLength) {
    if (at + 46 > directory.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new BundleRefusal(DAMAGED_DIRECTORY)
    }
    if (entries.length === limits.maxEntries) throw new BundleRefusal(tooManyEntries(limits))
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const nameStart = at + 46
    const extraStart = nameStart + nameLength
    const next = extraStart + extraLength + commentLength
    if (next > directory.byteLength) throw new BundleRefusal(DAMAGED_DIRECTORY)
    const name = decodeEntryName(directory.subarray(nameStart, extraStart), flags)
    if (flags & ENCRYPTED_FLAG) {
      throw new BundleRefusal(
        `${displayEntryName(name)} is encrypted; bundles are never encrypted, so it was refused.`,
      )
    }
    if (method !== 0 && method !== 8) {
      throw new BundleRefusal(
        `${displayEntryName(name)} uses a compression method this app does not read (method ${method}).`,
      )
    }
    const sizes = readZip64Extra(view, extraStart, extraStart + extraLength, {
      size: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    })
    if (method === 0 && sizes.compressedSize !== sizes.size) throw new BundleRefusal(DAMAGED_DIRECTORY)
    entries.push({ name, method, ...sizes, regionEnd: location.offset })
    at = next
  }
  const counted = location.zip64 ? entries.length : entries.length % 0x10000
  if (counted !== location.entryCount) throw new BundleRefusal(DAMAGED_DIRECTORY)
  return entries
}

/**
 * Each entry's local header and data must lie wholly before the next entry and before the directory:
 * entries sharing bytes are how some zip bombs multiply a small file, and are refused.
 */
function bound(entries: ZipEntry[], directoryOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
  byOffset.forEach((entry, index) => {
    const regionEnd = byOffset[index + 1]?.localHeaderOffset ?? directoryOffset
    // A local header takes at least 30 bytes before the data.
    const smallestEnd = entry.localHeaderOffset + LOCAL_HEADER_SIZE + entry.compressedSize
    if (smallestEnd > regionEnd) {
      throw new BundleRefusal(
        `${displayEntryName(entry.name)} overlaps another entry or the zip's directory (the bundle is damaged or hostile); it was refused.`,
      )
    }
    entry.regionEnd = regionEnd
  })
}

/**
 * Reads a zip's central directory: every entry's name, method and declared sizes, without inflating
 * anything. The entry count and the directory's size are checked against the limits before the
 * directory is read.
 */
export async function readZipDirectory(
  source: BundleSource,
  limits: ZipDirectoryLimits,
): Promise<ZipEntry[]> {
  const location = await locateDirectory(source)
  if (location.zip64 && location.entryCount > limits.maxEntries) {
    throw new BundleRefusal(tooManyEntries(limits))
  }
  if (location.size > limits.maxDirectoryBytes) {
    throw new BundleRefusal(
      `The zip's directory is ${formatBytes(location.size)}, over the ${formatBytes(limits.maxDirectoryBytes)} limit; it was refused.`,
    )
  }
  if (location.offset + location.size > location.end) throw new BundleRefusal(DAMAGED_DIRECTORY)
  const directory = await readExactly(source, location.offset, location.size)
  const entries = parseDirectory(directory, location, limits)
  bound(entries, location.offset)
  return entries
}

const tooManyEntries = (limits: ZipDirectoryLimits) =>
  `The bundle has more than ${limits.maxEntries.toLocaleString('en-US')} entries (the most a bundle may hold); it was refused.`
