import { type BundleSource, bytesSource } from '@shared/formats/bundle/bundle-source'
import { NOT_A_ZIP, readZipDirectory, type ZipEntry } from '@shared/formats/bundle/zip-directory'
import { readZipEntryBytes, streamZipEntry } from '@shared/formats/bundle/zip-entry'
import { deflateSync, strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildZip, GiB, zerosDeflate } from './hostile-zips'

const limits = { maxEntries: 100_000, maxDirectoryBytes: 16 * 1024 * 1024 }

async function refusal(action: Promise<unknown>): Promise<string> {
  try {
    await action
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('nothing was refused')
}

const directoryOf = (zip: Uint8Array) => readZipDirectory(bytesSource(zip), limits)

async function onlyEntry(zip: Uint8Array): Promise<ZipEntry> {
  const [entry] = await directoryOf(zip)
  return entry!
}

/** Compares large byte arrays quickly (deep equality walks them element by element). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

/** Bytes that do not compress, so a stored entry of them spans many reads. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = 7
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0
    bytes[index] = state >>> 24
  }
  return bytes
}

describe('zip directory', () => {
  it('reads the names and declared sizes of a zip fflate wrote, and streams each entry back', async () => {
    const manifest = strToU8(JSON.stringify({ cases: Array.from({ length: 200 }, (_, n) => n) }))
    const photo = noise(5000)
    const zip = zipSync({ 'manifest.json': manifest, 'files/E-1-photo.jpg': [photo, { level: 0 }] })
    const entries = await directoryOf(zip)
    expect(entries.map(({ name, method, size }) => ({ name, method, size }))).toEqual([
      { name: 'manifest.json', method: 8, size: manifest.length },
      { name: 'files/E-1-photo.jpg', method: 0, size: 5000 },
    ])
    expect(await readZipEntryBytes(bytesSource(zip), entries[0]!)).toEqual(manifest)
    expect(same(await readZipEntryBytes(bytesSource(zip), entries[1]!), photo)).toBe(true)
  })

  it('reads every entry of a zip with more than 65,535 entries whose end record keeps only 16 bits of the count', async () => {
    // fflate's streaming Zip, which writes case bundles, has no ZIP64 and writes the count's low 16
    // bits (65,600 entries as 64), as buildZip does here: writing 65,600 entries with fflate is slow.
    const bytes = buildZip(
      Array.from({ length: 65_600 }, (_, index) => ({ name: `cases/${index}.json`, data: strToU8('{}') })),
    )
    expect(new DataView(bytes.buffer).getUint16(bytes.length - 12, true)).toBe(65_600 & 0xffff)
    const entries = await directoryOf(bytes)
    expect(entries).toHaveLength(65_600)
    expect(entries.at(-1)?.name).toBe('cases/65599.json')
    expect(await readZipEntryBytes(bytesSource(bytes), entries.at(-1)!)).toEqual(strToU8('{}'))
  })

  it('reads ZIP64 records at offsets past 4 GiB from a source it asks only for bounded pieces', async () => {
    const base = 5 * GiB
    const photo = noise(3 * 1024 * 1024 + 17)
    const custody = strToU8('[]')
    const zip = buildZip(
      [
        { name: 'files/E-1-photo.jpg', data: photo },
        { name: 'custody.json', data: deflateSync(custody), method: 8, size: custody.length },
      ],
      { baseOffset: base, zip64: true },
    )
    const reads: Array<{ offset: number; length: number }> = []
    const source: BundleSource = {
      size: base + zip.length,
      async read(offset, length) {
        if (offset < base) throw new Error(`read at ${offset}, before the zip`)
        reads.push({ offset, length })
        return zip.subarray(offset - base, offset - base + length)
      },
    }
    const entries = await readZipDirectory(source, limits)
    expect(entries.map((entry) => [entry.name, entry.size, entry.localHeaderOffset > 4 * GiB])).toEqual([
      ['files/E-1-photo.jpg', photo.length, true],
      ['custody.json', custody.length, true],
    ])
    expect(same(await readZipEntryBytes(source, entries[0]!), photo)).toBe(true)
    expect(await readZipEntryBytes(source, entries[1]!)).toEqual(custody)
    expect(Math.max(...reads.map((read) => read.length))).toBeLessThanOrEqual(1024 * 1024)
  })

  it('refuses what is not a zip, or a zip cut short', async () => {
    expect(await refusal(directoryOf(strToU8('hello')))).toBe(NOT_A_ZIP)
    const zip = zipSync({ 'a.json': strToU8('{}') })
    expect(await refusal(directoryOf(zip.subarray(0, zip.length - 10)))).toBe(NOT_A_ZIP)
    const cutBeforeDirectory = zip.slice()
    new DataView(cutBeforeDirectory.buffer).setUint32(zip.length - 6, zip.length, true)
    expect(await refusal(directoryOf(cutBeforeDirectory))).toMatch(/directory is damaged/)
  })

  it('stops an entry as soon as it inflates past its declared size, delivering no more than declared', async () => {
    const zip = buildZip([
      { name: 'cases/CR-2026-000001.json', data: zerosDeflate(GiB), method: 8, size: 100 },
    ])
    let delivered = 0
    const reading = streamZipEntry(bytesSource(zip), await onlyEntry(zip), (chunk) => {
      delivered += chunk.length
    })
    expect(await refusal(reading)).toBe(
      'cases/CR-2026-000001.json inflates to more than the 100 bytes its zip header declares (the bundle is damaged or hostile); it was refused.',
    )
    expect(delivered).toBeLessThanOrEqual(100)
  })

  it('refuses an entry shorter than declared, and compressed data that cannot be inflated', async () => {
    const short = buildZip([{ name: 'a.json', data: zerosDeflate(100), method: 8, size: 200 }])
    expect(await refusal(readZipEntryBytes(bytesSource(short), await onlyEntry(short)))).toBe(
      'a.json is damaged: it holds 100 bytes, not the 200 bytes its zip header declares.',
    )
    const corrupt = buildZip([
      { name: 'a.json', data: new Uint8Array([0xff, 0xff, 1, 2]), method: 8, size: 4 },
    ])
    expect(await refusal(readZipEntryBytes(bytesSource(corrupt), await onlyEntry(corrupt)))).toBe(
      'a.json is damaged: its compressed data cannot be read.',
    )
  })

  it('refuses a local header that names another file than the directory does', async () => {
    const zip = buildZip([{ name: 'cases/a.json', localName: '../../a.json', data: strToU8('{}') }])
    expect(await refusal(readZipEntryBytes(bytesSource(zip), await onlyEntry(zip)))).toBe(
      "cases/a.json: its local header does not match the zip's directory (the bundle is damaged or hostile); it was refused.",
    )
  })

  it('refuses encrypted entries and compression methods it does not read', async () => {
    expect(
      await refusal(directoryOf(buildZip([{ name: 'a.json', data: strToU8('{}'), flags: 0x801 }]))),
    ).toBe('a.json is encrypted; bundles are never encrypted, so it was refused.')
    expect(await refusal(directoryOf(buildZip([{ name: 'a.json', data: strToU8('{}'), method: 12 }])))).toBe(
      'a.json uses a compression method this app does not read (method 12).',
    )
  })

  it('refuses entries that share bytes', async () => {
    const zip = buildZip(
      [
        { name: 'a.json', data: strToU8('{}') },
        { name: 'b.json', data: strToU8('{}') },
      ],
      { overlap: true },
    )
    expect(await refusal(directoryOf(zip))).toBe(
      "a.json overlaps another entry or the zip's directory (the bundle is damaged or hostile); it was refused.",
    )
  })

  it('refuses more entries, or a larger directory, than the limits before reading the entries', async () => {
    const zip = buildZip(['a', 'b', 'c'].map((name) => ({ name, data: strToU8(name) })))
    expect(await refusal(readZipDirectory(bytesSource(zip), { ...limits, maxEntries: 2 }))).toBe(
      'The bundle has more than 2 entries (the most a bundle may hold); it was refused.',
    )
    const zip64 = buildZip(
      ['a', 'b', 'c'].map((name) => ({ name, data: strToU8(name) })),
      { zip64: true },
    )
    expect(await refusal(readZipDirectory(bytesSource(zip64), { ...limits, maxEntries: 2 }))).toBe(
      'The bundle has more than 2 entries (the most a bundle may hold); it was refused.',
    )
    expect(await refusal(readZipDirectory(bytesSource(zip), { ...limits, maxDirectoryBytes: 100 }))).toBe(
      "The zip's directory is 141 bytes, over the 100 bytes limit; it was refused.",
    )
  })
})
