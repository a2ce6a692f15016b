import { strFromU8, strToU8 } from 'fflate'
import { createSHA256 } from 'hash-wasm'
import { z } from 'zod'
import {
  type Actor,
  ActorSchema,
  type CustodyEvent,
  CustodyEventSchema,
  type Evidence,
  type EvidenceAnnotation,
  EvidenceDamageSchema,
  exhibitLabel,
  Sha256Schema,
} from '../../domain'
import { toSafeFileName } from '../../file-names'
import { escapeUnshowableInJson, showUntrusted } from '../../untrusted-text'
import { describeIssues } from '../../validation'
import { asBundleSource, BundleRefusal, type BundleSource } from '../bundle/bundle-source'
import { checkEntries, refuseDuplicate, refuseUnlisted } from '../bundle/entry-checks'
import { readZipDirectory, type ZipEntry } from '../bundle/zip-directory'
import { readZipEntryBytes, streamZipEntry } from '../bundle/zip-entry'
import { createZipStream } from '../bundle/zip-stream'

export const EVIDENCE_BUNDLE_FORMAT = 'crw-evidence-bundle'
export const EVIDENCE_MANIFEST_PATH = 'manifest.json'
export const EVIDENCE_MANIFEST_CSV_PATH = 'manifest.csv'
export const CUSTODY_LOG_PATH = 'custody.json'
export const ANNOTATIONS_PATH = 'annotations.json'

const ManifestItemSchema = z.object({
  exhibit: z.string().regex(/^E-\d+$/),
  name: z.string().min(1).max(500),
  path: z.string().regex(/^files\/[^/\\]+$/, 'a file path inside files/'),
  size: z.number().int().min(0),
  sha256: Sha256Schema,
  detectedType: z.string().min(1).max(200),
  acquiredAt: z.string().min(1).max(40),
  source: z.string().max(200),
  removed: z.boolean(),
  /** The image check of a photo: null when complete, absent when not checked (or older bundles). */
  damage: EvidenceDamageSchema.nullable().optional(),
})

/** A picture of an exhibit (an image, or one PDF page) with its marks and redactions burned in. */
const ManifestRenderingSchema = z.object({
  exhibit: z.string().regex(/^E-\d+$/),
  page: z.number().int().min(1).nullable(),
  path: z.string().regex(/^renderings\/[^/\\]+\.png$/, 'a PNG path inside renderings/'),
  size: z.number().int().min(0),
  sha256: Sha256Schema,
  marks: z.number().int().min(0),
  redactions: z.number().int().min(0),
})

/** manifest.json of an evidence bundle: what a reader checks every file against. */
export const EvidenceManifestSchema = z.object({
  format: z.literal(EVIDENCE_BUNDLE_FORMAT),
  formatVersion: z.literal(1),
  caseNumber: z.string().min(1).max(40),
  caseTitle: z.string().max(200),
  exportedAt: z.string().min(1).max(40),
  exportedBy: ActorSchema,
  items: z.array(ManifestItemSchema).max(100_000),
  /** Absent in bundles written before annotations existed. */
  renderings: z.array(ManifestRenderingSchema).max(100_000).default([]),
})
export type EvidenceManifest = z.infer<typeof EvidenceManifestSchema>

/**
 * One row per exhibit, as spreadsheets read it (RFC 4180 quoting). Names and sources are shown as
 * everywhere else (untrusted-text.ts: direction overrides and controls as "_"); manifest.json keeps
 * the exact original name.
 */
export function evidenceManifestCsv(manifest: EvidenceManifest): string {
  const cell = (value: string | number) => {
    const text = String(value)
    // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
    return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe
  }
  const rows = manifest.items.map((item) =>
    [
      item.exhibit,
      showUntrusted(item.name),
      item.size,
      item.sha256,
      item.acquiredAt,
      showUntrusted(item.source),
      item.removed ? 'removed' : '',
      item.damage ? `${item.damage.kind}: ${item.damage.detail}` : item.damage === null ? 'complete' : '',
    ]
      .map(cell)
      .join(','),
  )
  return `${['exhibit', 'name', 'size', 'sha256', 'acquired_at', 'source', 'removed', 'image_check'].join(',')}\r\n${rows.map((row) => `${row}\r\n`).join('')}`
}

export interface EvidenceBundleInput {
  caseNumber: string
  caseTitle: string
  exportedAt: string
  exportedBy: Actor
  items: Array<{ item: Evidence; sourceName: string; bytes: Uint8Array }>
  custody: CustodyEvent[]
  annotations: EvidenceAnnotation[]
  /** Burned-in renderings of annotated items, made by the caller (it has the canvas). */
  renderings: Array<{
    exhibitNumber: number
    page: number | null
    fileName: string
    png: Uint8Array
    sha256: string
    marks: number
    redactions: number
  }>
}

/**
 * Writes an evidence bundle: every file under files/ (as stored, uncompressed), the burned-in
 * renderings of annotated items under renderings/, manifest.json and manifest.csv (exhibit, name,
 * size, SHA-256, acquired at, source), custody.json and annotations.json (the marks as vectors).
 * Chunks go to `onChunk` as they are produced.
 */
export function writeEvidenceBundle(
  input: EvidenceBundleInput,
  onChunk: (chunk: Uint8Array, final: boolean) => void,
) {
  const zip = createZipStream(input.exportedAt, onChunk)
  const add = zip.add
  const manifest: EvidenceManifest = {
    format: EVIDENCE_BUNDLE_FORMAT,
    formatVersion: 1,
    caseNumber: input.caseNumber,
    caseTitle: input.caseTitle,
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy,
    items: [],
    renderings: [],
  }
  for (const { item, sourceName, bytes } of input.items) {
    const exhibit = exhibitLabel(item.exhibitNumber)
    const path = `files/${exhibit}-${toSafeFileName(item.originalName)}`
    add(path, bytes, false)
    manifest.items.push({
      exhibit,
      name: item.originalName,
      path,
      size: item.size,
      sha256: item.sha256,
      detectedType: item.detectedType,
      acquiredAt: item.acquiredAt,
      source: sourceName,
      removed: item.removed !== null,
      ...(item.damage !== undefined ? { damage: item.damage } : {}),
    })
  }
  for (const rendering of input.renderings) {
    const path = `renderings/${toSafeFileName(rendering.fileName)}`
    add(path, rendering.png, false)
    manifest.renderings.push({
      exhibit: exhibitLabel(rendering.exhibitNumber),
      page: rendering.page,
      path,
      size: rendering.png.length,
      sha256: rendering.sha256,
      marks: rendering.marks,
      redactions: rendering.redactions,
    })
  }
  // JSON keeps every name exactly; a direction override is written as its \u escape, so the file
  // reads safely in any editor and parses back to the original.
  const json = (value: unknown) => strToU8(escapeUnshowableInJson(JSON.stringify(value, null, 2)))
  add(CUSTODY_LOG_PATH, json(input.custody), true)
  add(ANNOTATIONS_PATH, json(input.annotations), true)
  add(EVIDENCE_MANIFEST_CSV_PATH, strToU8(evidenceManifestCsv(manifest)), true)
  add(EVIDENCE_MANIFEST_PATH, json(manifest), true)
  zip.end()
  return manifest
}

export interface BundleCheck {
  exhibit: string
  path: string
  outcome: 'intact' | 'altered' | 'missing'
}

export type EvidenceBundleVerdict =
  | { ok: true; manifest: EvidenceManifest; checks: BundleCheck[] }
  | { ok: false; error: string; checks: BundleCheck[] }

export interface EvidenceBundleLimits {
  /** Largest declared size of one exhibit or rendering (the app accepts evidence up to 64 GiB). */
  maxFileBytes?: number
  /** Largest declared size of manifest.json, manifest.csv, custody.json or annotations.json. */
  maxJsonBytes?: number
  /** Largest declared size of everything together. */
  maxTotalBytes?: number
}

const MiB = 1024 ** 2
const GiB = 1024 ** 3
/** What the format itself writes besides the files its manifest lists. */
const FORMAT_ENTRIES = new Set([
  EVIDENCE_MANIFEST_PATH,
  EVIDENCE_MANIFEST_CSV_PATH,
  CUSTODY_LOG_PATH,
  ANNOTATIONS_PATH,
])
/** The manifest lists at most 100,000 items and 100,000 renderings. */
const MAX_ENTRIES = 200_000 + FORMAT_ENTRIES.size
const MAX_DIRECTORY_BYTES = 64 * MiB

async function readJsonEntry(source: BundleSource, entry: ZipEntry | undefined): Promise<unknown> {
  if (!entry) return undefined
  return safeJson(strFromU8(await readZipEntryBytes(source, entry)))
}

/**
 * Re-hashes every file a bundle's manifest lists and compares with the recorded SHA-256. Not ok when
 * the zip or manifest is unreadable, or any file is missing or altered, or the zip holds what a
 * bundle never does: entries outside it, doubled, unlisted, or past the size limits — all refused
 * from the zip's directory (and the manifest) before those entries are inflated. Files stream
 * through the hash a piece at a time, so a bundle of any size is read with bounded memory.
 */
export async function verifyEvidenceBundle(
  bundle: Uint8Array | BundleSource,
  limits: EvidenceBundleLimits = {},
): Promise<EvidenceBundleVerdict> {
  const source = asBundleSource(bundle)
  try {
    const maxJsonBytes = limits.maxJsonBytes ?? 256 * MiB
    const maxFileBytes = limits.maxFileBytes ?? 64 * GiB
    const directory = await readZipDirectory(source, {
      maxEntries: MAX_ENTRIES,
      maxDirectoryBytes: MAX_DIRECTORY_BYTES,
    })
    const { byName: entries, duplicated } = checkEntries(directory, {
      sizeLimit: (name) => (FORMAT_ENTRIES.has(name) ? maxJsonBytes : maxFileBytes),
      maxTotalBytes: limits.maxTotalBytes ?? 1024 * GiB,
    })
    if (duplicated === EVIDENCE_MANIFEST_PATH) refuseDuplicate(duplicated)
    const manifestEntry = entries.get(EVIDENCE_MANIFEST_PATH)
    if (!manifestEntry) return { ok: false, error: 'The bundle has no manifest.json.', checks: [] }
    const json = await readJsonEntry(source, manifestEntry)
    if (json === undefined) return { ok: false, error: 'manifest.json is not valid JSON.', checks: [] }
    const parsed = EvidenceManifestSchema.safeParse(json)
    if (!parsed.success)
      return { ok: false, error: `manifest.json is not valid: ${describeIssues(parsed.error)}`, checks: [] }
    refuseDuplicate(duplicated)
    const listed = [
      ...parsed.data.items,
      ...parsed.data.renderings.map((rendering) => ({
        ...rendering,
        exhibit: `${rendering.exhibit} rendering${rendering.page === null ? '' : ` (page ${rendering.page})`}`,
      })),
    ]
    const listedPaths = new Set(listed.map((file) => file.path))
    refuseUnlisted(
      entries.keys(),
      (name) => FORMAT_ENTRIES.has(name) || listedPaths.has(name),
      EVIDENCE_MANIFEST_PATH,
    )
    const custodyOk = z
      .array(CustodyEventSchema)
      .safeParse(await readJsonEntry(source, entries.get(CUSTODY_LOG_PATH))).success
    const hasher = await createSHA256()
    const checks: BundleCheck[] = []
    for (const file of listed) {
      const entry = entries.get(file.path)
      let outcome: BundleCheck['outcome'] = 'missing'
      if (entry) {
        // A declared size other than the manifest's is altered without inflating a byte.
        outcome = 'altered'
        if (entry.size === file.size) {
          hasher.init()
          await streamZipEntry(source, entry, (chunk) => hasher.update(chunk))
          if (hasher.digest('hex') === file.sha256) outcome = 'intact'
        }
      }
      checks.push({ exhibit: file.exhibit, path: file.path, outcome })
    }
    const bad = checks.filter((check) => check.outcome !== 'intact')
    if (!custodyOk) return { ok: false, error: 'custody.json is missing or not a valid custody log.', checks }
    if (bad.length)
      return {
        ok: false,
        error: `${bad.length} of ${checks.length} file${checks.length === 1 ? '' : 's'} failed: ${bad.map((check) => `${check.exhibit} ${check.outcome}`).join(', ')}`,
        checks,
      }
    return { ok: true, manifest: parsed.data, checks }
  } catch (error) {
    if (error instanceof BundleRefusal) return { ok: false, error: error.message, checks: [] }
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: `The bundle could not be read: ${reason}`, checks: [] }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
