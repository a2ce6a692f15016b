import type { EvidenceDamage } from '../../domain'
import { readIsoBoxStructure, readWebpStructure } from './container-structure'
import { readJpegStructure } from './jpeg-structure'
import { readPngStructure } from './png-structure'

/** The image types whose structure is read here (others rely on the decoder alone). */
export function readsImageStructure(detectedType: string): boolean {
  return structureReader(detectedType) !== null
}

function structureReader(detectedType: string): ((bytes: Uint8Array) => EvidenceDamage | null) | null {
  if (detectedType === 'image/jpeg') return readJpegStructure
  if (detectedType === 'image/png' || detectedType === 'image/apng') return readPngStructure
  if (detectedType === 'image/webp') return readWebpStructure
  if (/^image\/(heic|heif|avif)(-sequence)?$/.test(detectedType)) return readIsoBoxStructure
  return null
}

/**
 * Damage in an image file's structure (a cut-off file, a failed checksum, corrupt picture data),
 * null when it reads whole, or undefined for a type whose structure is not read here.
 */
export function readImageStructure(
  bytes: Uint8Array,
  detectedType: string,
): EvidenceDamage | null | undefined {
  const reader = structureReader(detectedType)
  return reader ? reader(bytes) : undefined
}
