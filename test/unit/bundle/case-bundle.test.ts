import { readCaseBundle } from '@shared/formats/bundle/read'
import { createCaseBundleWriter, writeCaseBundle } from '@shared/formats/bundle/write'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture, sha256 } from '../fixtures/case-files'

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9])
const exportedAt = '2026-11-24T12:00:00.000Z'

function bundleOf(...caseFiles: ReturnType<typeof caseFileFixture>[]): Uint8Array {
  const evidenceFiles = new Map<string, Uint8Array>()
  for (const file of caseFiles) for (const item of file.evidence) evidenceFiles.set(item.sha256, photo)
  return writeCaseBundle({ caseFiles, evidenceFiles, exportedAt, exportedBy: analyst, appVersion: '0.1.0' })
}

/** Rewrites one entry of a valid bundle, the way a damaged or hand-edited bundle would look. */
function withEntry(bundle: Uint8Array, path: string, contents: Uint8Array | null): Uint8Array {
  const entries = unzipSync(bundle)
  if (contents === null) delete entries[path]
  else entries[path] = contents as Uint8Array<ArrayBuffer>
  return zipSync(entries)
}

const json = (value: unknown) => strToU8(JSON.stringify(value))

async function rejection(bytes: Uint8Array, options?: Parameters<typeof readCaseBundle>[1]): Promise<string> {
  const result = await readCaseBundle(bytes, options)
  if (result.ok) throw new Error('the bundle was accepted')
  return result.error
}

describe('case bundles', () => {
  it('round-trips cases and their evidence, storing shared evidence once', async () => {
    const first = caseFileFixture(1, { photo })
    const second = caseFileFixture(2, { photo })
    const bytes = bundleOf(first, second)
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
      'bundle.json',
      'cases/CR-2026-000001.json',
      'cases/CR-2026-000002.json',
      `evidence/${sha256(photo)}`,
    ])
    const result = await readCaseBundle(bytes)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.bundle.caseFiles).toEqual([first, second])
    expect(result.bundle.evidenceFiles.get(sha256(photo))).toEqual(photo)
    expect(result.bundle.manifest.exportedBy).toEqual(analyst)
  })

  it('streams the same bundle in chunks as it is written', async () => {
    const chunks: Uint8Array[] = []
    let finished = false
    const writer = createCaseBundleWriter({
      exportedAt,
      exportedBy: analyst,
      appVersion: '0.1.0',
      onChunk: (chunk, final) => {
        chunks.push(chunk)
        finished = final
      },
    })
    for (let sequence = 1; sequence <= 50; sequence++) writer.addCase(caseFileFixture(sequence))
    expect(chunks.length).toBeGreaterThan(1)
    writer.finish()
    expect(finished).toBe(true)
    const bytes = new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer())
    const result = await readCaseBundle(bytes)
    expect(result.ok && result.bundle.caseFiles.length).toBe(50)
  })

  it('refuses a file that is not a zip, or a truncated one', async () => {
    expect(await rejection(strToU8('hello'))).toMatch(/not a zip archive/)
    const bytes = bundleOf(caseFileFixture(1, { photo }))
    expect(await rejection(bytes.subarray(0, bytes.length - 30))).toMatch(/not a zip archive/)
  })

  it('refuses a zip without bundle.json', async () => {
    expect(await rejection(zipSync({ 'notes.txt': strToU8('hi') }))).toBe(
      'bundle.json is missing: this is not a Critical Response Workstation case bundle.',
    )
  })

  it('refuses a bundle from a newer format version', async () => {
    const bytes = bundleOf(caseFileFixture(1))
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(bytes)['bundle.json']))
    expect(await rejection(withEntry(bytes, 'bundle.json', json({ ...manifest, formatVersion: 2 })))).toMatch(
      /format version 2 is newer than this app understands \(1\)/,
    )
  })

  it('refuses malformed JSON and names the file', async () => {
    const bytes = withEntry(bundleOf(caseFileFixture(1)), 'cases/CR-2026-000001.json', strToU8('{"case": '))
    expect(await rejection(bytes)).toBe(
      'cases/CR-2026-000001.json is not valid JSON (the bundle may be damaged).',
    )
  })

  it('refuses a case that breaks the schema and says which field', async () => {
    const broken = caseFileFixture(1)
    const bytes = withEntry(
      bundleOf(broken),
      'cases/CR-2026-000001.json',
      json({ ...broken, case: { ...broken.case, severity: 'S9' } }),
    )
    expect(await rejection(bytes)).toMatch(/^cases\/CR-2026-000001\.json: case\.severity: /)
  })

  it('refuses evidence whose bytes do not match their SHA-256', async () => {
    const bytes = bundleOf(caseFileFixture(1, { photo }))
    const tampered = photo.slice()
    tampered[5] = 99
    expect(await rejection(withEntry(bytes, `evidence/${sha256(photo)}`, tampered))).toMatch(
      /does not match its SHA-256 \(the bundle was altered or damaged\)/,
    )
  })

  it('refuses a case that cites evidence missing from the bundle', async () => {
    const caseFile = caseFileFixture(1, { photo })
    const bytes = writeCaseBundle({
      caseFiles: [caseFile],
      evidenceFiles: new Map(),
      exportedAt,
      exportedBy: analyst,
      appVersion: '0.1.0',
    })
    expect(await rejection(bytes)).toMatch(
      /^Case CR-2026-000001 references evidence [0-9a-f]{12}… \(E-1\) that is not in the bundle\.$/,
    )
  })

  it('refuses a bundle that lists one case twice', async () => {
    const caseFile = caseFileFixture(1)
    expect(await rejection(bundleOf(caseFile, caseFile))).toBe('Case id case-1 appears twice in the bundle.')
  })

  it('refuses entry names that point outside the bundle', async () => {
    const entries = unzipSync(bundleOf(caseFileFixture(1)))
    entries['../../escape.txt'] = strToU8('x')
    expect(await rejection(zipSync(entries))).toMatch(
      /entry named "\.\.\/\.\.\/escape\.txt" that points outside/,
    )
  })

  it('refuses oversized entries before inflating them', async () => {
    const bytes = bundleOf(caseFileFixture(1, { photo }))
    expect(await rejection(bytes, { maxEvidenceBytes: 4 })).toMatch(/over the 4 bytes limit/)
    expect(await rejection(bytes, { maxTotalBytes: 100 })).toMatch(/unpacks to more than 100 bytes/)
  })

  it('refuses a bundle with no cases', async () => {
    const bytes = writeCaseBundle({
      caseFiles: [],
      evidenceFiles: new Map(),
      exportedAt,
      exportedBy: analyst,
      appVersion: '0.1.0',
    })
    expect(await rejection(bytes)).toBe('The bundle holds no cases.')
  })
})
