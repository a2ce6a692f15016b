// The hostile bundles of the security review, each with the one refusal a reader must answer: a
// zip that inflates to 1 GiB (declared, and declared small but lying), 100,000 unlisted entries,
// doubled names, names that leave the bundle, entries sharing bytes. Both the case bundle reader and
// the evidence bundle verifier get their own set.

import type { Evidence } from '@shared/domain'
import { writeCaseBundle } from '@shared/formats/bundle/write'
import { writeEvidenceBundle } from '@shared/formats/evidence/evidence-bundle'
import { strToU8 } from 'fflate'
import { analyst, caseFileFixture, sha256 } from '../fixtures/case-files'
import { buildZip, GiB, storedRecords, type ZipLayout, type ZipRecord, zerosDeflate } from './hostile-zips'

export interface HostileBundle {
  label: string
  bytes: Uint8Array
  /** The whole message the reader must answer with. */
  refusal: string
}

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9])
const CASE_PATH = 'cases/CR-2026-000001.json'
export const EVIDENCE_FILE_PATH = 'files/E-1-door.jpg'
const TEN_KIB = 10 * 1024

let bomb: Uint8Array | undefined
/** 6.5 MB that inflate to 1 GiB of zeros. */
const oneGiBOfZeros = () => {
  bomb ??= zerosDeflate(GiB)
  return bomb
}

export function goodCaseBundle(): Uint8Array {
  return writeCaseBundle({
    caseFiles: [caseFileFixture(1, { photo })],
    evidenceFiles: new Map([[sha256(photo), photo]]),
    exportedAt: '2026-11-24T12:00:00.000Z',
    exportedBy: analyst,
    appVersion: '0.1.0',
  })
}

export function goodEvidenceBundle(): Uint8Array {
  const item: Evidence = {
    id: 'item-1',
    caseId: 'case-1',
    exhibitNumber: 1,
    sha256: sha256(photo),
    originalName: 'door.jpg',
    size: photo.length,
    detectedType: 'image/jpeg',
    sourcePartyId: null,
    acquiredAt: '2026-11-24T09:00:00.000Z',
    importedAt: '2026-11-24T09:05:00.000Z',
    importedBy: analyst,
    description: '',
    tags: [],
    parentEvidenceId: null,
    removed: null,
  }
  const chunks: Uint8Array[] = []
  writeEvidenceBundle(
    {
      caseNumber: 'CR-2026-000001',
      caseTitle: 'Scratched door',
      exportedAt: '2026-11-24T10:00:00.000Z',
      exportedBy: analyst,
      items: [{ item, sourceName: 'Dana Okafor', bytes: photo }],
      custody: [],
      annotations: [],
      renderings: [],
    },
    (chunk) => chunks.push(chunk),
  )
  return new Uint8Array(Buffer.concat(chunks))
}

/** The good bundle's entries with one replaced (by name) and others added. */
function altered(
  good: Uint8Array,
  replace: Record<string, (record: ZipRecord) => ZipRecord>,
  extra: ZipRecord[] = [],
  layout?: ZipLayout,
): Uint8Array {
  const records = storedRecords(good).map((record) => replace[record.name]?.(record) ?? record)
  return buildZip([...records, ...extra], layout)
}

function unlisted(prefix: string): ZipRecord[] {
  const tenKiBOfZeros = zerosDeflate(TEN_KIB)
  return Array.from({ length: 100_000 }, (_, index) => ({
    name: `${prefix}${String(index).padStart(6, '0')}`,
    data: tenKiBOfZeros,
    method: 8 as const,
    size: TEN_KIB,
  }))
}

const outside = (name: string) =>
  `The bundle contains an entry named "${name}" that points outside the bundle; it was refused.`

function refusedByBoth(good: Uint8Array, manifestPath: string, filePath: string): HostileBundle[] {
  const traversal = (name: string) => ({
    label: `entry named ${name}`,
    bytes: altered(good, {}, [{ name, data: strToU8('x') }]),
    refusal: outside(name),
  })
  return [
    {
      label: 'a file that declares small but inflates to 1 GiB',
      bytes: altered(good, {
        [filePath]: (record) => ({ ...record, data: oneGiBOfZeros(), method: 8, size: record.data.length }),
      }),
      refusal: `${filePath} inflates to more than the 11 bytes its zip header declares (the bundle is damaged or hostile); it was refused.`,
    },
    {
      label: 'two entries with one name',
      bytes: altered(good, {}, [{ name: filePath, data: strToU8('the other one') }]),
      refusal: `The bundle contains two entries named "${filePath}"; it was refused.`,
    },
    traversal('../../escape.txt'),
    traversal('/etc/cron.d/escape'),
    traversal('C:/Users/Public/escape.txt'),
    traversal('evidence\\..\\..\\escape.txt'),
    {
      label: 'a name with a direction override',
      bytes: altered(good, {}, [{ name: 'notes/\u202egpj.exe', data: strToU8('x') }]),
      refusal: `The bundle contains "notes/_gpj.exe", which ${manifestPath} does not list; it was refused.`,
    },
    {
      label: 'every directory record pointing at the same bytes',
      bytes: altered(good, {}, [], { overlap: true }),
      refusal: `${storedRecords(good)[0]!.name} overlaps another entry or the zip's directory (the bundle is damaged or hostile); it was refused.`,
    },
  ]
}

export function hostileCaseBundles(): HostileBundle[] {
  const good = goodCaseBundle()
  return [
    {
      label: 'a case file that inflates to 1 GiB',
      bytes: altered(good, {
        [CASE_PATH]: (record) => ({ ...record, data: oneGiBOfZeros(), method: 8, size: GiB }),
      }),
      refusal: `${CASE_PATH} is 1.0 GB uncompressed, over the 256 MB limit; it was refused.`,
    },
    {
      label: 'a case file that declares small but inflates to 1 GiB',
      bytes: altered(good, {
        [CASE_PATH]: (record) => ({ ...record, data: oneGiBOfZeros(), method: 8, size: 2048 }),
      }),
      refusal: `${CASE_PATH} inflates to more than the 2.0 KB its zip header declares (the bundle is damaged or hostile); it was refused.`,
    },
    {
      label: '100,000 unlisted entries',
      bytes: altered(good, {}, unlisted('evidence/unlisted-')),
      refusal:
        'The bundle contains 100,000 entries that bundle.json does not list (the first is "evidence/unlisted-000000"); it was refused.',
    },
    ...refusedByBoth(good, 'bundle.json', `evidence/${sha256(photo)}`),
  ]
}

export function hostileEvidenceBundles(): HostileBundle[] {
  const good = goodEvidenceBundle()
  return [
    {
      label: 'a custody log that inflates to 1 GiB',
      bytes: altered(good, {
        'custody.json': (record) => ({ ...record, data: oneGiBOfZeros(), method: 8, size: GiB }),
      }),
      refusal: 'custody.json is 1.0 GB uncompressed, over the 256 MB limit; it was refused.',
    },
    {
      label: '100,000 unlisted entries',
      bytes: altered(good, {}, unlisted('files/unlisted-')),
      refusal:
        'The bundle contains 100,000 entries that manifest.json does not list (the first is "files/unlisted-000000"); it was refused.',
    },
    ...refusedByBoth(good, 'manifest.json', EVIDENCE_FILE_PATH),
  ]
}
