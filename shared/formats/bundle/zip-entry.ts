import { Inflate } from 'fflate'
import { formatBytes, formatBytesApart } from '../../byte-size'
import { BundleRefusal, type BundleSource, readExactly } from './bundle-source'
import { displayEntryName } from './entry-names'
import { decodeEntryName, ENCRYPTED_FLAG, type ZipEntry } from './zip-directory'

const LOCAL_HEADER = 0x04034b50
const LOCAL_HEADER_SIZE = 30
/** Bytes read from the source at a time. */
const READ_CHUNK = 1024 * 1024
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1032 to 1, so
 * one push yields at most ~16 MiB before the declared-size check sees it.
 */
const INFLATE_SLICE = 16 * 1024

/** Where an entry's data starts, once its local header is checked against the directory. */
async function dataStart(source: BundleSource, entry: ZipEntry): Promise<number> {
  const mismatch = () =>
    new BundleRefusal(
      `${displayEntryName(entry.name)}: its local header does not match the zip's directory (the bundle is damaged or hostile); it was refused.`,
    )
  const header = await readExactly(source, entry.localHeaderOffset, LOCAL_HEADER_SIZE)
  const view = new DataView(header.buffer, header.byteOffset, LOCAL_HEADER_SIZE)
  if (view.getUint32(0, true) !== LOCAL_HEADER) throw mismatch()
  const flags = view.getUint16(6, true)
  const nameLength = view.getUint16(26, true)
  const extraLength = view.getUint16(28, true)
  if (flags & ENCRYPTED_FLAG || view.getUint16(8, true) !== entry.method) throw mismatch()
  const nameStart = entry.localHeaderOffset + LOCAL_HEADER_SIZE
  const start = nameStart + nameLength + extraLength
  if (start + entry.compressedSize > entry.regionEnd) throw mismatch()
  const name = decodeEntryName(await readExactly(source, nameStart, nameLength), flags)
  if (name !== entry.name) throw mismatch()
  return start
}

/**
 * Streams one entry's uncompressed bytes to `onData`, a piece at a time, never holding the whole
 * entry. Stops (with a refusal) as soon as the entry inflates past the size its directory record
 * declares, so a header that lies about the size cannot make the reader inflate a bomb.
 */
export async function streamZipEntry(
  source: BundleSource,
  entry: ZipEntry,
  onData: (chunk: Uint8Array) => void,
): Promise<void> {
  const start = await dataStart(source, entry)
  let produced = 0
  const deliver = (chunk: Uint8Array) => {
    produced += chunk.byteLength
    if (produced > entry.size) {
      throw new BundleRefusal(
        `${displayEntryName(entry.name)} inflates to more than the ${formatBytes(entry.size)} its zip header declares (the bundle is damaged or hostile); it was refused.`,
      )
    }
    if (chunk.byteLength > 0) onData(chunk)
  }
  const inflater = entry.method === 8 ? new Inflate(deliver) : null
  const inflate = (compressed: Uint8Array, final: boolean) => {
    try {
      inflater?.push(compressed, final)
    } catch (error) {
      if (error instanceof BundleRefusal) throw error
      throw new BundleRefusal(
        `${displayEntryName(entry.name)} is damaged: its compressed data cannot be read.`,
      )
    }
  }
  for (let offset = 0; offset < entry.compressedSize; offset += READ_CHUNK) {
    const length = Math.min(READ_CHUNK, entry.compressedSize - offset)
    const piece = await readExactly(source, start + offset, length)
    if (!inflater) {
      deliver(piece)
      continue
    }
    for (let at = 0; at < piece.byteLength; at += INFLATE_SLICE) {
      inflate(piece.subarray(at, at + INFLATE_SLICE), false)
    }
  }
  inflate(new Uint8Array(0), true)
  if (produced !== entry.size) {
    const [held, declared] = formatBytesApart(produced, entry.size)
    throw new BundleRefusal(
      `${displayEntryName(entry.name)} is damaged: it holds ${held}, not the ${declared} its zip header declares.`,
    )
  }
}

/** One entry's bytes, in a buffer of its declared size (the caller has checked that size). */
export async function readZipEntryBytes(
  source: BundleSource,
  entry: ZipEntry,
  onData?: (chunk: Uint8Array) => void,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(entry.size)
  let filled = 0
  await streamZipEntry(source, entry, (chunk) => {
    bytes.set(chunk, filled)
    filled += chunk.byteLength
    onData?.(chunk)
  })
  return bytes
}
