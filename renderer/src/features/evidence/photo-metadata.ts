import exifr from 'exifr'

export interface PhotoMetadata {
  capturedAt: string | null
  device: string
  latitude: number | null
  longitude: number | null
}

/**
 * EXIF times are the camera's wall clock; exifr reads them as this computer's local time. With the
 * photo's own UTC offset (OffsetTimeOriginal, "-05:00"), the wall clock is turned into the true
 * instant; without one, the local reading is the best there is.
 */
function captureInstant(wallClock: Date, offset: unknown): string {
  const match = typeof offset === 'string' ? /^([+-])(\d\d):(\d\d)$/.exec(offset.trim()) : null
  if (!match) return wallClock.toISOString()
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
  const asUtc = Date.UTC(
    wallClock.getFullYear(),
    wallClock.getMonth(),
    wallClock.getDate(),
    wallClock.getHours(),
    wallClock.getMinutes(),
    wallClock.getSeconds(),
  )
  return new Date(asUtc - minutes * 60_000).toISOString()
}

/** Capture time, device and GPS position from a photo's EXIF (exifr); null when it has none. */
export async function readPhotoMetadata(blob: Blob): Promise<PhotoMetadata | null> {
  const tags = await exifr.parse(blob, { tiff: true, exif: true, gps: true }).catch(() => undefined)
  if (!tags) return null
  const captured = tags.DateTimeOriginal ?? tags.CreateDate
  return {
    capturedAt:
      captured instanceof Date && !Number.isNaN(captured.getTime())
        ? captureInstant(captured, tags.OffsetTimeOriginal ?? tags.OffsetTime)
        : null,
    device: [tags.Make, tags.Model].filter((part) => typeof part === 'string' && part.trim()).join(' '),
    latitude: typeof tags.latitude === 'number' ? tags.latitude : null,
    longitude: typeof tags.longitude === 'number' ? tags.longitude : null,
  }
}
