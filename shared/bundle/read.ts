import { strFromU8, type Unzipped, unzipSync } from 'fflate'
import { formatBytes } from '../byte-size'
import { type CaseFile, CaseFileSchema } from '../domain/case-file'
import { createSha256Hasher } from '../hashing/sha256'
import { describeIssues } from '../validation'
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleManifest,
  BundleManifestSchema,
  MANIFEST_PATH,
} from './manifest'

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
  onProgress?(done: number, total: number): void
}

const GiB = 1024 ** 3
const MiB = 1024 ** 2

class BundleRejected extends Error {}

/** Entry names must be plain relative paths inside the bundle. */
function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.startsWith('/') &&
    !name.includes('\\') &&
    !/^[a-z]:/i.test(name) &&
    !name.split('/').some((part) => part === '..' || part === '.')
  )
}

function unzipWithLimits(
  bytes: Uint8Array,
  options: Required<Omit<CaseBundleReadOptions, 'onProgress'>>,
): Unzipped {
  let total = 0
  let refusal: string | null = null
  let entries: Unzipped
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        if (refusal) return false
        if (!isSafeEntryName(file.name)) {
          refusal = `The bundle contains an entry named "${file.name}" that points outside the bundle; it was refused.`
          return false
        }
        const limit = file.name.endsWith('.json') ? options.maxJsonBytes : options.maxEvidenceBytes
        if (file.originalSize > limit) {
          refusal = `${file.name} is ${formatBytes(file.originalSize)} uncompressed, over the ${formatBytes(limit)} limit.`
          return false
        }
        total += file.originalSize
        if (total > options.maxTotalBytes) {
          refusal = `The bundle unpacks to more than ${formatBytes(options.maxTotalBytes)}; it was refused.`
          return false
        }
        return true
      },
    })
  } catch {
    throw new BundleRejected(
      'This file is not a zip archive (it may be truncated or damaged, or not a case bundle).',
    )
  }
  if (refusal) throw new BundleRejected(refusal)
  return entries
}

function parseJsonEntry(entries: Unzipped, path: string): unknown {
  const bytes = entries[path]
  if (!bytes) throw new BundleRejected(`${path} is missing from the bundle.`)
  try {
    return JSON.parse(strFromU8(bytes))
  } catch {
    throw new BundleRejected(`${path} is not valid JSON (the bundle may be damaged).`)
  }
}

function readManifest(entries: Unzipped): BundleManifest {
  if (!entries[MANIFEST_PATH]) {
    throw new BundleRejected(
      `${MANIFEST_PATH} is missing: this is not a Critical Response Workstation case bundle.`,
    )
  }
  const raw = parseJsonEntry(entries, MANIFEST_PATH) as Record<string, unknown> | null
  if (raw?.format !== BUNDLE_FORMAT) {
    throw new BundleRejected(
      `${MANIFEST_PATH} does not describe a Critical Response Workstation case bundle.`,
    )
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleRejected(
      `${MANIFEST_PATH}: format version ${raw.formatVersion} is newer than this app understands (${BUNDLE_FORMAT_VERSION}). Update the app to import it.`,
    )
  }
  const parsed = BundleManifestSchema.safeParse(raw)
  if (!parsed.success) throw new BundleRejected(`${MANIFEST_PATH}: ${describeIssues(parsed.error)}`)
  if (parsed.data.cases.length === 0) throw new BundleRejected('The bundle holds no cases.')
  return parsed.data
}

async function readEvidence(entries: Unzipped, manifest: BundleManifest): Promise<Map<string, Uint8Array>> {
  const hash = await createSha256Hasher()
  const evidenceFiles = new Map<string, Uint8Array>()
  for (const listed of manifest.evidenceFiles) {
    const bytes = entries[listed.path]
    if (!bytes)
      throw new BundleRejected(`Evidence file ${listed.path} is listed in ${MANIFEST_PATH} but missing.`)
    if (bytes.byteLength !== listed.size || hash(bytes) !== listed.sha256) {
      throw new BundleRejected(
        `Evidence file ${listed.path} does not match its SHA-256 (the bundle was altered or damaged).`,
      )
    }
    evidenceFiles.set(listed.sha256, bytes)
  }
  return evidenceFiles
}

function readCaseFiles(
  entries: Unzipped,
  manifest: BundleManifest,
  evidenceFiles: Map<string, Uint8Array>,
  onProgress?: (done: number, total: number) => void,
): CaseFile[] {
  const seenIds = new Set<string>()
  const seenNumbers = new Set<string>()
  const caseFiles: CaseFile[] = []
  for (const [index, listed] of manifest.cases.entries()) {
    if (seenIds.has(listed.id)) throw new BundleRejected(`Case id ${listed.id} appears twice in the bundle.`)
    if (seenNumbers.has(listed.caseNumber)) {
      throw new BundleRejected(`Case ${listed.caseNumber} appears twice in the bundle.`)
    }
    seenIds.add(listed.id)
    seenNumbers.add(listed.caseNumber)
    const parsed = CaseFileSchema.safeParse(parseJsonEntry(entries, listed.path))
    if (!parsed.success) throw new BundleRejected(`${listed.path}: ${describeIssues(parsed.error)}`)
    const caseFile = parsed.data
    if (caseFile.case.id !== listed.id || caseFile.case.caseNumber !== listed.caseNumber) {
      throw new BundleRejected(
        `${listed.path} holds case ${caseFile.case.caseNumber}, not ${listed.caseNumber}.`,
      )
    }
    for (const item of caseFile.evidence) {
      if (!evidenceFiles.has(item.sha256)) {
        throw new BundleRejected(
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
 */
export async function readCaseBundle(
  bytes: Uint8Array,
  options: CaseBundleReadOptions = {},
): Promise<CaseBundleReadResult> {
  try {
    const entries = unzipWithLimits(bytes, {
      maxEvidenceBytes: options.maxEvidenceBytes ?? 2 * GiB,
      maxJsonBytes: options.maxJsonBytes ?? 256 * MiB,
      maxTotalBytes: options.maxTotalBytes ?? 8 * GiB,
    })
    const manifest = readManifest(entries)
    const evidenceFiles = await readEvidence(entries, manifest)
    const caseFiles = readCaseFiles(entries, manifest, evidenceFiles, options.onProgress)
    return { ok: true, bundle: { manifest, caseFiles, evidenceFiles } }
  } catch (error) {
    if (error instanceof BundleRejected) return { ok: false, error: error.message }
    return {
      ok: false,
      error: `The bundle could not be read: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}
