import { z } from 'zod'
import { ActorSchema, IdSchema, Sha256Schema, TagSchema, TimestampSchema } from './primitives'

export const EvidenceRemovalSchema = z.object({
  at: TimestampSchema,
  by: ActorSchema,
  reason: z.string().trim().min(1, 'say why the item is removed').max(2_000),
})

/**
 * What the image check found wrong with a photo's bytes: `incomplete` when the file ends before its
 * picture does (a cut-off download or copy), `damaged` when its data is corrupt or the decoder refuses
 * it. `detail` says what, in words ("the file ends after 16 of 48 rows").
 */
export const EvidenceDamageSchema = z.object({
  kind: z.enum(['incomplete', 'damaged']),
  detail: z.string().trim().min(1).max(500),
})
export type EvidenceDamage = z.infer<typeof EvidenceDamageSchema>

/** Metadata of one evidence item; the bytes live separately, keyed by `sha256`. */
export const EvidenceSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  /** Stable within the case: E-1, E-2, ... never reused, even after removal. */
  exhibitNumber: z.number().int().min(1),
  sha256: Sha256Schema,
  originalName: z.string().min(1).max(500),
  size: z.number().int().min(0),
  /** MIME type detected from the bytes, not the file name. */
  detectedType: z.string().min(1).max(200),
  sourcePartyId: IdSchema.nullable(),
  acquiredAt: TimestampSchema,
  importedAt: TimestampSchema,
  importedBy: ActorSchema,
  description: z.string().max(5_000),
  tags: z.array(TagSchema).max(50),
  /** An attachment extracted from another item (e.g. an email) points at its container. */
  parentEvidenceId: IdSchema.nullable(),
  removed: EvidenceRemovalSchema.nullable(),
  /**
   * The image check of a photo's bytes: null when it found the picture whole, absent when the item
   * was never checked (not an image, or imported before the check existed: checked when first viewed).
   */
  damage: EvidenceDamageSchema.nullable().optional(),
})
export type Evidence = z.infer<typeof EvidenceSchema>

export function exhibitLabel(exhibitNumber: number): string {
  return `E-${exhibitNumber}`
}
