import { strToU8 } from 'fflate'
import type { CaseFile } from '../../domain/case-file'
import type { Actor } from '../../domain/primitives'
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleManifest,
  caseFilePath,
  evidenceFilePath,
  MANIFEST_PATH,
} from './manifest'
import { createZipStream } from './zip-stream'

export interface CaseBundleWriter {
  addCase(caseFile: CaseFile): void
  /** Stores the bytes once per hash; adding a hash again is a no-op. */
  addEvidenceFile(sha256: string, bytes: Uint8Array): void
  /** Writes bundle.json (last, once everything it lists is in) and closes the zip. */
  finish(): void
}

export interface CaseBundleWriterOptions {
  exportedAt: string
  exportedBy: Actor
  appVersion: string
  onChunk(chunk: Uint8Array, final: boolean): void
}

/**
 * Streams a case bundle: each entry is compressed and handed to `onChunk` as it is added, so a
 * 100,000-case bundle never needs all its JSON in memory at once.
 */
export function createCaseBundleWriter(options: CaseBundleWriterOptions): CaseBundleWriter {
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
    appVersion: options.appVersion,
    cases: [],
    evidenceFiles: [],
  }
  const evidenceAdded = new Set<string>()
  const zip = createZipStream(options.exportedAt, options.onChunk)
  const addEntry = zip.add

  return {
    addCase(caseFile) {
      const path = caseFilePath(caseFile.case.caseNumber)
      manifest.cases.push({ id: caseFile.case.id, caseNumber: caseFile.case.caseNumber, path })
      addEntry(path, strToU8(JSON.stringify(caseFile)), true)
    },
    addEvidenceFile(sha256, bytes) {
      if (evidenceAdded.has(sha256)) return
      evidenceAdded.add(sha256)
      const path = evidenceFilePath(sha256)
      manifest.evidenceFiles.push({ sha256, size: bytes.byteLength, path })
      // Photos, PDFs and media are already compressed; storing them keeps export fast.
      addEntry(path, bytes, false)
    },
    finish() {
      addEntry(MANIFEST_PATH, strToU8(JSON.stringify(manifest, null, 2)), true)
      zip.end()
    },
  }
}

/** The whole bundle in memory: for exports of a handful of cases. */
export function writeCaseBundle(input: {
  caseFiles: CaseFile[]
  evidenceFiles: Map<string, Uint8Array>
  exportedAt: string
  exportedBy: Actor
  appVersion: string
}): Uint8Array {
  const chunks: Uint8Array[] = []
  const writer = createCaseBundleWriter({ ...input, onChunk: (chunk) => chunks.push(chunk) })
  for (const caseFile of input.caseFiles) writer.addCase(caseFile)
  for (const [sha256, bytes] of input.evidenceFiles) writer.addEvidenceFile(sha256, bytes)
  writer.finish()
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const bundle = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bundle.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bundle
}
