// What the page and the fingerprint worker say to each other (apart from both, so neither imports the other).
import type { ImageCheck } from '@shared/formats/evidence/image-damage'

export type FingerprintRequest = { file: Blob }
export type FingerprintReply =
  | { type: 'progress'; hashed: number; size: number }
  /** Hashed; now reading and decoding the picture. */
  | { type: 'checking' }
  | { type: 'done'; sha256: string; detectedType: string; size: number; imageCheck: ImageCheck | null }
  | { type: 'failed'; message: string }
