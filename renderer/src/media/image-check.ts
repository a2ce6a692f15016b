// The image check, run inside the fingerprint worker (never on the UI thread: a 12-megapixel photo
// takes a moment to read and decode).
import type { EvidenceDamage } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import type { ImageCheck } from '@shared/formats/evidence/image-damage'
import { readImageStructure } from '@shared/formats/evidence/image-structure'

/** Larger images are not read whole into memory to be checked (they stay unchecked, and say so). */
export const MAX_CHECKED_IMAGE_BYTES = 512 * 1024 ** 2

/**
 * The browser's own decoder on the whole file: null when it decodes the first picture completely,
 * damage when it refuses the bytes, 'unsupported' for a format it has no decoder for (HEIC in
 * Chromium) or when it fails for a reason that is not the file's (out of memory).
 */
async function decoderFinding(
  bytes: Uint8Array,
  detectedType: string,
): Promise<EvidenceDamage | null | 'unsupported'> {
  if (typeof ImageDecoder === 'undefined' || !(await ImageDecoder.isTypeSupported(detectedType)))
    return 'unsupported'
  const decoder = new ImageDecoder({ data: bytes, type: detectedType })
  try {
    const { image } = await decoder.decode({ frameIndex: 0, completeFramesOnly: true })
    image.close()
    return null
  } catch (error) {
    if (error instanceof DOMException && error.name === 'EncodingError')
      return {
        kind: 'damaged',
        detail: `this workstation's image decoder cannot decode it (${error.message.slice(0, 200)})`,
      }
    return 'unsupported'
  } finally {
    decoder.close()
  }
}

/**
 * Checks a photo: its structure read to the end (a cut-off file, a failed checksum, corrupt picture
 * data, with the rows it holds), then a full decode. Null when the file is not an image this
 * workstation can check at all (then nothing is claimed about it).
 */
export async function checkImageFile(file: Blob, detectedType: string): Promise<ImageCheck | null> {
  if (!isViewableImage(detectedType) || file.size > MAX_CHECKED_IMAGE_BYTES) return null
  const bytes = new Uint8Array(await file.arrayBuffer())
  const structure = readImageStructure(bytes, detectedType)
  if (structure) return { damage: structure, decoded: false }
  const decoded = await decoderFinding(bytes, detectedType)
  if (decoded !== 'unsupported') return { damage: decoded, decoded: decoded === null }
  return structure === null ? { damage: null, decoded: false } : null
}
