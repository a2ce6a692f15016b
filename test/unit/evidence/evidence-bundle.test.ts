import type { Evidence } from '@shared/domain'
import {
  evidenceManifestCsv,
  verifyEvidenceBundle,
  writeEvidenceBundle,
} from '@shared/formats/evidence/evidence-bundle'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'

const sha256 = await createSha256Hasher()
const photo = strToU8('not really a jpeg, but bytes all the same')
const chat = strToU8('timestamp,sender,message\n')
const rendering = strToU8('a png with the redaction burned in')

const item = (exhibitNumber: number, originalName: string, bytes: Uint8Array): Evidence => ({
  id: `item-${exhibitNumber}`,
  caseId: 'case-1',
  exhibitNumber,
  sha256: sha256(bytes),
  originalName,
  size: bytes.length,
  detectedType: 'image/jpeg',
  sourcePartyId: null,
  acquiredAt: '2026-11-24T09:00:00.000Z',
  importedAt: '2026-11-24T09:05:00.000Z',
  importedBy: analyst,
  description: '',
  tags: [],
  parentEvidenceId: null,
  removed: null,
})

function bundle(): Uint8Array {
  const chunks: Uint8Array[] = []
  writeEvidenceBundle(
    {
      caseNumber: 'CR-2026-000001',
      caseTitle: 'Scratched door',
      exportedAt: '2026-11-24T10:00:00.000Z',
      exportedBy: analyst,
      items: [
        { item: item(1, '../../IMG 1.jpg', photo), sourceName: 'Dana Okafor', bytes: photo },
        { item: item(2, '=cmd|calc.csv', chat), sourceName: '', bytes: chat },
      ],
      custody: [],
      annotations: [],
      renderings: [
        {
          exhibitNumber: 1,
          page: null,
          fileName: 'E-1-redacted.png',
          png: rendering,
          sha256: sha256(rendering),
          marks: 2,
          redactions: 1,
        },
      ],
    },
    (chunk) => chunks.push(chunk),
  )
  return new Uint8Array(Buffer.concat(chunks))
}

describe('evidence bundles', () => {
  it('hold each file, manifest.json, manifest.csv and the custody log, and verify clean', async () => {
    const bytes = bundle()
    const entries = unzipSync(bytes)
    expect(Object.keys(entries).sort()).toEqual(
      [
        'annotations.json',
        'custody.json',
        'renderings/E-1-redacted.png',
        'files/E-1-.._.._IMG 1.jpg',
        'files/E-2-=cmd_calc.csv',
        'manifest.csv',
        'manifest.json',
      ].sort(),
    )
    const verdict = await verifyEvidenceBundle(bytes)
    expect(verdict.ok).toBe(true)
    expect(verdict.checks.map((check) => `${check.exhibit} ${check.outcome}`)).toEqual([
      'E-1 intact',
      'E-2 intact',
      'E-1 rendering intact',
    ])
  })

  it('fails when a burned-in rendering was swapped for another picture', async () => {
    const entries = unzipSync(bundle())
    entries['renderings/E-1-redacted.png'] = strToU8('the unredacted picture')
    expect(await verifyEvidenceBundle(zipSync(entries))).toMatchObject({
      ok: false,
      error: '1 of 3 files failed: E-1 rendering altered',
    })
  })

  it('fails when one byte of a file changes, naming the exhibit', async () => {
    const entries = unzipSync(bundle())
    const path = Object.keys(entries).find((name) => name.startsWith('files/E-1'))!
    const bytes = entries[path]!
    bytes[0] = bytes[0]! ^ 0xff
    const verdict = await verifyEvidenceBundle(zipSync(entries))
    expect(verdict).toMatchObject({ ok: false, error: '1 of 3 files failed: E-1 altered' })
  })

  it('fails on a missing file, a broken manifest and a non-zip, each with its reason', async () => {
    const entries = unzipSync(bundle())
    const path = Object.keys(entries).find((name) => name.startsWith('files/E-2'))!
    delete entries[path]
    expect(await verifyEvidenceBundle(zipSync(entries))).toMatchObject({
      ok: false,
      error: '1 of 3 files failed: E-2 missing',
    })
    entries['manifest.json'] = strToU8('{"format":"something else"}')
    expect(await verifyEvidenceBundle(zipSync(entries))).toMatchObject({ ok: false })
    expect((await verifyEvidenceBundle(strToU8('hello'))).ok).toBe(false)
  })

  it('writes a CSV that spreadsheets read as text, formulas included', () => {
    const csv = evidenceManifestCsv({
      format: 'crw-evidence-bundle',
      formatVersion: 1,
      caseNumber: 'CR-2026-000001',
      caseTitle: '',
      exportedAt: '2026-11-24T10:00:00.000Z',
      exportedBy: analyst,
      items: [
        {
          exhibit: 'E-1',
          name: '=HYPERLINK("x"),"quoted".jpg',
          path: 'files/E-1-x.jpg',
          size: 3,
          sha256: 'a'.repeat(64),
          detectedType: 'image/jpeg',
          acquiredAt: '2026-11-24T09:00:00.000Z',
          source: 'Dana',
          removed: true,
        },
      ],
      renderings: [],
    })
    expect(csv.split('\r\n')[1]).toBe(
      `E-1,"'=HYPERLINK(""x""),""quoted"".jpg",3,${'a'.repeat(64)},2026-11-24T09:00:00.000Z,Dana,removed,`,
    )
  })
})
