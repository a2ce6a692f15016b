import { z } from 'zod'
import { CASE_NUMBER_PATTERN } from '../../domain/case-number'
import { ActorSchema, IdSchema, Sha256Schema, TimestampSchema } from '../../domain/primitives'

export const BUNDLE_FORMAT = 'critical-response-workstation/case-bundle'
export const BUNDLE_FORMAT_VERSION = 1
export const MANIFEST_PATH = 'bundle.json'

export const caseFilePath = (caseNumber: string) => `cases/${caseNumber}.json`
export const evidenceFilePath = (sha256: string) => `evidence/${sha256}`

/** bundle.json: what the zip holds, checked against the entries before anything is trusted. */
export const BundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  exportedAt: TimestampSchema,
  exportedBy: ActorSchema,
  appVersion: z.string().max(40),
  cases: z.array(
    z.object({
      id: IdSchema,
      caseNumber: z.string().regex(CASE_NUMBER_PATTERN),
      path: z.string().min(1).max(200),
    }),
  ),
  evidenceFiles: z.array(
    z.object({ sha256: Sha256Schema, size: z.number().int().min(0), path: z.string().min(1).max(200) }),
  ),
})
export type BundleManifest = z.infer<typeof BundleManifestSchema>
