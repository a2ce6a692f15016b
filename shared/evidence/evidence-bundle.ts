import { strFromU8, strToU8, unzipSync } from 'fflate'
import { z } from 'zod'
import { createZipStream } from '../bundle/zip-stream'
import {
  type Actor,
  ActorSchema,
  type CustodyEvent,
  CustodyEventSchema,
  type Evidence,
  type EvidenceAnnotation,
  exhibitLabel,
  Sha256Schema,
} from '../domain'
import { toSafeFileName } from '../file-names'
import type { HashBytes } from '../hashing/sha256'
import { describeIssues } from '../validation'

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

/** One row per exhibit, as spreadsheets read it (RFC 4180 quoting). */
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
      item.name,
      item.size,
      item.sha256,
      item.acquiredAt,
      item.source,
      item.removed ? 'removed' : '',
    ]
      .map(cell)
      .join(','),
  )
  return `${['exhibit', 'name', 'size', 'sha256', 'acquired_at', 'source', 'removed'].join(',')}\r\n${rows.map((row) => `${row}\r\n`).join('')}`
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
  add(CUSTODY_LOG_PATH, strToU8(JSON.stringify(input.custody, null, 2)), true)
  add(ANNOTATIONS_PATH, strToU8(JSON.stringify(input.annotations, null, 2)), true)
  add(EVIDENCE_MANIFEST_CSV_PATH, strToU8(evidenceManifestCsv(manifest)), true)
  add(EVIDENCE_MANIFEST_PATH, strToU8(JSON.stringify(manifest, null, 2)), true)
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

/**
 * Re-hashes every file a bundle's manifest lists and compares with the recorded SHA-256. Not ok when
 * the zip or manifest is unreadable, or any file is missing or altered.
 */
export function verifyEvidenceBundle(zipBytes: Uint8Array, sha256: HashBytes): EvidenceBundleVerdict {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(zipBytes)
  } catch (error) {
    return {
      ok: false,
      error: `Not a readable zip file (${error instanceof Error ? error.message : error}).`,
      checks: [],
    }
  }
  const rawManifest = entries[EVIDENCE_MANIFEST_PATH]
  if (!rawManifest) return { ok: false, error: 'The bundle has no manifest.json.', checks: [] }
  let json: unknown
  try {
    json = JSON.parse(strFromU8(rawManifest))
  } catch {
    return { ok: false, error: 'manifest.json is not valid JSON.', checks: [] }
  }
  const parsed = EvidenceManifestSchema.safeParse(json)
  if (!parsed.success)
    return { ok: false, error: `manifest.json is not valid: ${describeIssues(parsed.error)}`, checks: [] }
  const custody = entries[CUSTODY_LOG_PATH]
  const custodyOk =
    custody !== undefined && z.array(CustodyEventSchema).safeParse(safeJson(strFromU8(custody))).success
  const listed = [
    ...parsed.data.items,
    ...parsed.data.renderings.map((rendering) => ({
      ...rendering,
      exhibit: `${rendering.exhibit} rendering${rendering.page === null ? '' : ` (page ${rendering.page})`}`,
    })),
  ]
  const checks: BundleCheck[] = listed.map((file) => {
    const bytes = entries[file.path]
    const outcome = !bytes ? 'missing' : sha256(bytes) === file.sha256 ? 'intact' : 'altered'
    return { exhibit: file.exhibit, path: file.path, outcome }
  })
  const bad = checks.filter((check) => check.outcome !== 'intact')
  if (!custodyOk) return { ok: false, error: 'custody.json is missing or not a valid custody log.', checks }
  if (bad.length)
    return {
      ok: false,
      error: `${bad.length} of ${checks.length} file${checks.length === 1 ? '' : 's'} failed: ${bad.map((check) => `${check.exhibit} ${check.outcome}`).join(', ')}`,
      checks,
    }
  return { ok: true, manifest: parsed.data, checks }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
