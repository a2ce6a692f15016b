import { type BundleSource, bytesSource } from '@shared/formats/bundle/bundle-source'
import { readCaseBundle } from '@shared/formats/bundle/read'
import { readZipDirectory } from '@shared/formats/bundle/zip-directory'
import { describe, expect, it } from 'vitest'
import { goodCaseBundle, hostileCaseBundles } from './hostile-bundles'

const hostile = hostileCaseBundles()

async function refusal(bundle: Uint8Array | BundleSource, options?: Parameters<typeof readCaseBundle>[1]) {
  const result = await readCaseBundle(bundle, options)
  if (result.ok) throw new Error('the bundle was accepted')
  return result.error
}

/** A source that records every read, to show what the reader looked at before refusing. */
function watched(bytes: Uint8Array) {
  const reads: Array<{ offset: number; length: number }> = []
  const inner = bytesSource(bytes)
  const source: BundleSource = {
    size: inner.size,
    read(offset, length) {
      reads.push({ offset, length })
      return inner.read(offset, length)
    },
  }
  return { source, reads }
}

describe('case bundle reader, against hostile bundles', () => {
  for (const bundle of hostile) {
    it(`refuses ${bundle.label} with one message`, async () => {
      expect(await refusal(bundle.bytes)).toBe(bundle.refusal)
    }, 20_000)
  }

  it('reads no byte of an unlisted entry before refusing it', async () => {
    const unlisted = hostile.find((bundle) => bundle.label === '100,000 unlisted entries')!.bytes
    const entries = await readZipDirectory(bytesSource(unlisted), {
      maxEntries: 200_000,
      maxDirectoryBytes: 2 ** 26,
    })
    const firstUnlisted = entries.find(
      (entry) => entry.name === 'evidence/unlisted-000000',
    )!.localHeaderOffset
    const directoryStart = entries.at(-1)!.regionEnd
    const { source, reads } = watched(unlisted)
    expect(await refusal(source)).toMatch(
      /^The bundle contains 100,000 entries that bundle\.json does not list/,
    )
    const intoUnlisted = reads.filter(
      (read) => read.offset + read.length > firstUnlisted && read.offset < directoryStart,
    )
    expect(intoUnlisted).toEqual([])
  }, 20_000)

  it('refuses more entries than allowed before reading their names', async () => {
    const unlisted = hostile.find((bundle) => bundle.label === '100,000 unlisted entries')!.bytes
    expect(await refusal(unlisted, { maxEntries: 50_000 })).toBe(
      'The bundle has more than 50,000 entries (the most a bundle may hold); it was refused.',
    )
  }, 20_000)

  it('reads a good bundle through a source, never asking for more than 1 MiB at once', async () => {
    const { source, reads } = watched(goodCaseBundle())
    const result = await readCaseBundle(source)
    expect(result.ok && result.bundle.caseFiles.map((file) => file.case.caseNumber)).toEqual([
      'CR-2026-000001',
    ])
    expect(Math.max(...reads.map((read) => read.length))).toBeLessThanOrEqual(1024 * 1024)
  })
})
