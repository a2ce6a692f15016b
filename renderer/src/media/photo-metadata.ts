import { type CaptureTime, captureTimeFromExif } from '@shared/formats/evidence/capture-time'
import exifr from 'exifr'

export interface PhotoMetadata {
  /** When the camera says it was taken (with its offset when it recorded one). */
  captured: CaptureTime | null
  device: string
  latitude: number | null
  longitude: number | null
}

/**
 * Capture time, device and GPS position from a photo's EXIF (exifr); null when it has none. Times
 * are read as the raw text the camera wrote (`reviveValues: false`): revived, exifr would read the
 * camera's wall clock as this computer's local time and shift it.
 */
export async function readPhotoMetadata(blob: Blob): Promise<PhotoMetadata | null> {
  const tags = await exifr
    .parse(blob, { tiff: true, exif: true, gps: true, reviveValues: false })
    .catch(() => undefined)
  if (!tags) return null
  const coordinate = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null)
  return {
    captured: captureTimeFromExif(
      tags.DateTimeOriginal ?? tags.CreateDate,
      tags.OffsetTimeOriginal ?? tags.OffsetTime,
    ),
    device: [tags.Make, tags.Model]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => part.trim())
      .join(' '),
    latitude: coordinate(tags.latitude),
    longitude: coordinate(tags.longitude),
  }
}
