import type { PageMark } from '../../../../shared/domain'
import { drawMarks } from './draw-marks'

/** A picture of an item with its marks burned in, as made for an export. */
export interface AnnotatedRendering {
  /** The PDF page, or null for an image. */
  page: number | null
  png: Uint8Array
  marks: number
  redactions: number
}

/** Burns the marks into the picture drawn on the canvas and encodes it as PNG. */
export async function burnIn(
  canvas: OffscreenCanvas,
  context: OffscreenCanvasRenderingContext2D,
  marks: readonly PageMark[],
  page: number | null,
): Promise<AnnotatedRendering> {
  drawMarks(context, marks, canvas.width, canvas.height)
  const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer())
  return {
    page,
    png,
    marks: marks.length,
    redactions: marks.filter((mark) => mark.kind === 'redaction').length,
  }
}

/** A photo with its marks burned in (any browser context: the app, or the command line's Chromium). */
export async function renderAnnotatedImage(
  blob: Blob,
  marks: readonly PageMark[],
): Promise<AnnotatedRendering> {
  // EXIF orientation is applied, as the viewer shows it, so marks land where they were drawn.
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const context = canvas.getContext('2d')!
  context.drawImage(bitmap, 0, 0)
  bitmap.close()
  return burnIn(canvas, context, marks, null)
}
