import { execFile } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openBundleFile } from '@scripts/lib/bundle-file'
import type { BundleSource } from '@shared/formats/bundle/bundle-source'
import { verifyEvidenceBundle } from '@shared/formats/evidence/evidence-bundle'
import { afterAll, describe, expect, it } from 'vitest'
import {
  EVIDENCE_FILE_PATH,
  goodEvidenceBundle,
  type HostileBundle,
  hostileEvidenceBundles,
} from '../bundle/hostile-bundles'
import { buildZip, GiB, storedRecords, zerosDeflate } from '../bundle/hostile-zips'

const hostile = hostileEvidenceBundles()
const dir = mkdtempSync(join(tmpdir(), 'verify-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = promisify(execFile)
/** `npm run verify-bundle -- <path>`: its exit code and what it printed. */
async function verifyBundleCli(path: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/verify-bundle.ts',
      path,
    ])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function fileOf(name: string, bytes: Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

const hostileNamed = (label: string): HostileBundle => hostile.find((bundle) => bundle.label === label)!

/** Records every read a verifier makes of a source. */
function watched(inner: BundleSource) {
  const reads: Array<{ offset: number; length: number }> = []
  const source: BundleSource = {
    size: inner.size,
    read(offset, length) {
      reads.push({ offset, length })
      return inner.read(offset, length)
    },
  }
  return { source, reads }
}

describe('evidence bundle verifier, against hostile bundles', () => {
  for (const bundle of hostile) {
    it(`refuses ${bundle.label} with one message`, async () => {
      expect(await verifyEvidenceBundle(bundle.bytes)).toEqual({
        ok: false,
        error: bundle.refusal,
        checks: [],
      })
    }, 20_000)
  }

  it('refuses files and totals past the limits from their declared sizes', async () => {
    const good = goodEvidenceBundle()
    expect(await verifyEvidenceBundle(good, { maxFileBytes: 4 })).toEqual({
      ok: false,
      error: `${EVIDENCE_FILE_PATH} is 11 bytes uncompressed, over the 4 bytes limit; it was refused.`,
      checks: [],
    })
    expect(await verifyEvidenceBundle(good, { maxTotalBytes: 100 })).toEqual({
      ok: false,
      error: 'The bundle unpacks to more than 100 bytes; it was refused.',
      checks: [],
    })
  })

  it('marks a file altered, without inflating it, when its declared size is not the manifest size', async () => {
    const records = storedRecords(goodEvidenceBundle()).map((record) =>
      record.name === EVIDENCE_FILE_PATH
        ? { ...record, data: zerosDeflate(GiB), method: 8, size: GiB }
        : record,
    )
    const zip = buildZip(records)
    const reads: number[] = []
    const verdict = await verifyEvidenceBundle({
      size: zip.length,
      read: async (offset, length) => {
        reads.push(length)
        return zip.subarray(offset, offset + length)
      },
    })
    expect(verdict).toMatchObject({ ok: false, error: '1 of 1 file failed: E-1 altered' })
    // The 6.5 MB of compressed zeros were never asked for.
    expect(reads.reduce((sum, length) => sum + length, 0)).toBeLessThan(1024 * 1024)
  })
})

describe('npm run verify-bundle', () => {
  it('says FAILED with the reason, not OK, and exits 2 for a bundle with doubled entries', async () => {
    const bundle = hostileNamed('two entries with one name')
    const result = await verifyBundleCli(fileOf('hostile.zip', bundle.bytes))
    expect(result.stdout).not.toContain('OK')
    expect(result.stderr.trim()).toBe(`FAILED: ${bundle.refusal}`)
    expect(result.code).toBe(2)
  }, 60_000)

  it('says OK and exits 0 for a good bundle over 4 GiB (ZIP64), reading it in bounded pieces', async () => {
    // The zip sits at the end of a sparse file: readFileSync could not hold it, a file source can.
    const base = 4.5 * GiB
    const zip = buildZip(storedRecords(goodEvidenceBundle()), { baseOffset: base, zip64: true })
    const path = join(dir, 'large.zip')
    const fd = openSync(path, 'w')
    writeSync(fd, zip, 0, zip.length, base)
    closeSync(fd)
    expect(statSync(path).size).toBeGreaterThan(4 * GiB)

    const file = await openBundleFile(path)
    const { source, reads } = watched(file)
    const verdict = await verifyEvidenceBundle(source).finally(() => file.close())
    expect(verdict).toMatchObject({ ok: true, checks: [{ exhibit: 'E-1', outcome: 'intact' }] })
    expect(Math.max(...reads.map((read) => read.length))).toBeLessThanOrEqual(1024 * 1024)
    // Of the 4.5 GiB, only the end record's search window, the directory and the entries are read.
    expect(reads.reduce((sum, read) => sum + read.length, 0)).toBeLessThan(1024 * 1024)

    const result = await verifyBundleCli(path)
    expect(result.stdout).toContain(`INTACT  E-1 ${EVIDENCE_FILE_PATH}`)
    expect(result.stdout).toContain('OK: 1 file(s) of CR-2026-000001 match their recorded SHA-256.')
    expect(result.code).toBe(0)
  }, 60_000)
})
