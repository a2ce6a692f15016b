import type { PageMark } from '@shared/domain'
import type { PrintThumbnail } from '@shared/formats/report/print-html'
import { drawMarks } from './draw-marks'
import { dataUrl } from './print-picture'

/** A thumbnail's long side in pixels: about 280 dpi at the 22 mm it is printed, and a few kB of JPEG. */
export const THUMBNAIL_EDGE = 240

/**
 * A photo's thumbnail for the report's evidence index: downscaled first, then its marks burned in at
 * that size (redactions solid black, as in every rendering), as JPEG. Browser APIs only, so the app
 * and the command line's Chromium make the same thumbnails.
 */
export async function preparePrintThumbnail(
  original: Blob,
  marks: readonly PageMark[],
): Promise<PrintThumbnail> {
  // EXIF orientation is applied, as the viewer shows it, so marks land where they were drawn.
  const bitmap = await createImageBitmap(original, { imageOrientation: 'from-image' })
  const scale = Math.min(1, THUMBNAIL_EDGE / Math.max(bitmap.width, bitmap.height))
  const width = Math.max(1, Math.round(bitmap.width * scale))
  const height = Math.max(1, Math.round(bitmap.height * scale))
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')!
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  context.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  drawMarks(context, marks, width, height)
  return {
    dataUrl: await dataUrl(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 })),
    width,
    height,
  }
}

/** The bytes of a base64 data: URL as a Blob (read directly: the app's CSP allows no fetch of it). */
export function blobOfDataUrl(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',')
  const type = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'application/octet-stream'
  const bytes = Uint8Array.from(atob(dataUrl.slice(comma + 1)), (char) => char.charCodeAt(0))
  return new Blob([bytes], { type })
}
