import { strFromU8 } from 'fflate'
import { createSHA256 } from 'hash-wasm'
import { type CaseFile, CaseFileSchema } from '../../domain/case-file'
import { describeIssues } from '../../validation'
import { asBundleSource, BundleRefusal, type BundleSource } from './bundle-source'
import { checkEntries, refuseDuplicate, refuseUnlisted } from './entry-checks'
import { displayEntryName } from './entry-names'
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleManifest,
  BundleManifestSchema,
  MANIFEST_PATH,
} from './manifest'
import { readZipDirectory, type ZipEntry } from './zip-directory'
import { readZipEntryBytes } from './zip-entry'

export interface CaseBundle {
  manifest: BundleManifest
  caseFiles: CaseFile[]
  evidenceFiles: Map<string, Uint8Array>
}

export type CaseBundleReadResult = { ok: true; bundle: CaseBundle } | { ok: false; error: string }

export interface CaseBundleReadOptions {
  /** Largest single evidence file accepted (declared uncompressed size). */
  maxEvidenceBytes?: number
  /** Largest JSON entry accepted. */
  maxJsonBytes?: number
  /** Largest total uncompressed size: refuses zip bombs before inflating anything. */
  maxTotalBytes?: number
  /** Most entries accepted (cases, evidence files and bundle.json). */
  maxEntries?: number
  onProgress?(done: number, total: number): void
}

const GiB = 1024 ** 3
const MiB = 1024 ** 2

/** The largest central directory read: about 500,000 entries with names of bundle length. */
const MAX_DIRECTORY_BYTES = 64 * MiB

/** The zip, with its entries by name as checked from its directory before anything was inflated. */
interface OpenedBundle {
  source: BundleSource
  entries: Map<string, ZipEntry>
}

async function parseJsonEntry({ source, entries }: OpenedBundle, path: string): Promise<unknown> {
  const entry = entries.get(path)
  if (!entry) throw new BundleRefusal(`${displayEntryName(path)} is missing from the bundle.`)
  const bytes = await readZipEntryBytes(source, entry)
  try {
    return JSON.parse(strFromU8(bytes))
  } catch {
    throw new BundleRefusal(`${displayEntryName(path)} is not valid JSON (the bundle may be damaged).`)
  }
}

async function readManifest(bundle: OpenedBundle): Promise<BundleManifest> {
  if (!bundle.entries.has(MANIFEST_PATH)) {
    throw new BundleRefusal(
      `${MANIFEST_PATH} is missing: this is not a Critical Response Workstation case bundle.`,
    )
  }
  const raw = (await parseJsonEntry(bundle, MANIFEST_PATH)) as Record<string, unknown> | null
  if (raw?.format !== BUNDLE_FORMAT) {
    throw new BundleRefusal(`${MANIFEST_PATH} does not describe a Critical Response Workstation case bundle.`)
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleRefusal(
      `${MANIFEST_PATH}: format version ${raw.formatVersion} is newer than this app understands (${BUNDLE_FORMAT_VERSION}). Update the app to import it.`,
    )
  }
  const parsed = BundleManifestSchema.safeParse(raw)
  if (!parsed.success) throw new BundleRefusal(`${MANIFEST_PATH}: ${describeIssues(parsed.error)}`)
  if (parsed.data.cases.length === 0) throw new BundleRefusal('The bundle holds no cases.')
  return parsed.data
}

function refuseCasesListedTwice(manifest: BundleManifest): void {
  const seenIds = new Set<string>()
  const seenNumbers = new Set<string>()
  for (const listed of manifest.cases) {
    if (seenIds.has(listed.id)) throw new BundleRefusal(`Case id ${listed.id} appears twice in the bundle.`)
    if (seenNumbers.has(listed.caseNumber)) {
      throw new BundleRefusal(`Case ${listed.caseNumber} appears twice in the bundle.`)
    }
    seenIds.add(listed.id)
    seenNumbers.add(listed.caseNumber)
  }
}

/** Every evidence file the manifest lists, hashed as it inflates and compared with its SHA-256. */
async function readEvidence(
  bundle: OpenedBundle,
  manifest: BundleManifest,
): Promise<Map<string, Uint8Array>> {
  const hasher = await createSHA256()
  const evidenceFiles = new Map<string, Uint8Array>()
  for (const listed of manifest.evidenceFiles) {
    const entry = bundle.entries.get(listed.path)
    const shown = displayEntryName(listed.path)
    if (!entry) throw new BundleRefusal(`Evidence file ${shown} is listed in ${MANIFEST_PATH} but missing.`)
    const altered = new BundleRefusal(
      `Evidence file ${shown} does not match its SHA-256 (the bundle was altered or damaged).`,
    )
    // A size that differs from the manifest's is refused before a byte is inflated.
    if (entry.size !== listed.size) throw altered
    hasher.init()
    const bytes = await readZipEntryBytes(bundle.source, entry, (chunk) => hasher.update(chunk))
    if (hasher.digest('hex') !== listed.sha256) throw altered
    evidenceFiles.set(listed.sha256, bytes)
  }
  return evidenceFiles
}

async function readCaseFiles(
  bundle: OpenedBundle,
  manifest: BundleManifest,
  evidenceFiles: Map<string, Uint8Array>,
  onProgress?: (done: number, total: number) => void,
): Promise<CaseFile[]> {
  const caseFiles: CaseFile[] = []
  for (const [index, listed] of manifest.cases.entries()) {
    const parsed = CaseFileSchema.safeParse(await parseJsonEntry(bundle, listed.path))
    const shown = displayEntryName(listed.path)
    if (!parsed.success) throw new BundleRefusal(`${shown}: ${describeIssues(parsed.error)}`)
    const caseFile = parsed.data
    if (caseFile.case.id !== listed.id || caseFile.case.caseNumber !== listed.caseNumber) {
      throw new BundleRefusal(`${shown} holds case ${caseFile.case.caseNumber}, not ${listed.caseNumber}.`)
    }
    for (const item of caseFile.evidence) {
      if (!evidenceFiles.has(item.sha256)) {
        throw new BundleRefusal(
          `Case ${listed.caseNumber} references evidence ${item.sha256.slice(0, 12)}… (E-${item.exhibitNumber}) that is not in the bundle.`,
        )
      }
    }
    caseFiles.push(caseFile)
    if (onProgress && (index % 500 === 0 || index === manifest.cases.length - 1)) {
      onProgress(index + 1, manifest.cases.length)
    }
  }
  return caseFiles
}

/**
 * Reads and checks a case bundle completely before anything is imported. Never throws for bad
 * input: the result names the first problem in words an analyst can act on.
 *
 * Everything the zip's directory can tell (entry names, declared sizes, the entry count) is checked
 * before a byte is inflated; then bundle.json alone is inflated, and doubled or unlisted entries are
 * refused before any other is. Entries inflate one at a time, each held to its declared size.
 * The bundle is read through `BundleSource`, a bounded piece at a time, or from bytes in memory.
 */
export async function readCaseBundle(
  bundle: Uint8Array | BundleSource,
  options: CaseBundleReadOptions = {},
): Promise<CaseBundleReadResult> {
  try {
    const source = asBundleSource(bundle)
    const maxJsonBytes = options.maxJsonBytes ?? 256 * MiB
    const maxEvidenceBytes = options.maxEvidenceBytes ?? 2 * GiB
    const directory = await readZipDirectory(source, {
      maxEntries: options.maxEntries ?? 500_000,
      maxDirectoryBytes: MAX_DIRECTORY_BYTES,
    })
    const { byName: entries, duplicated } = checkEntries(directory, {
      sizeLimit: (name) => (name.endsWith('.json') ? maxJsonBytes : maxEvidenceBytes),
      maxTotalBytes: options.maxTotalBytes ?? 8 * GiB,
    })
    if (duplicated === MANIFEST_PATH) refuseDuplicate(duplicated)
    const opened = { source, entries }
    const manifest = await readManifest(opened)
    refuseCasesListedTwice(manifest)
    refuseDuplicate(duplicated)
    const listed = new Set([
      MANIFEST_PATH,
      ...manifest.cases.map((listedCase) => listedCase.path),
      ...manifest.evidenceFiles.map((file) => file.path),
    ])
    refuseUnlisted(entries.keys(), (name) => listed.has(name), MANIFEST_PATH)
    const evidenceFiles = await readEvidence(opened, manifest)
    const caseFiles = await readCaseFiles(opened, manifest, evidenceFiles, options.onProgress)
    return { ok: true, bundle: { manifest, caseFiles, evidenceFiles } }
  } catch (error) {
    if (error instanceof BundleRefusal) return { ok: false, error: error.message }
    return {
      ok: false,
      error: `The bundle could not be read: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
