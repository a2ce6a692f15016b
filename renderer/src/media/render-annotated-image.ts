import type { EvidenceDamage, PageMark } from '@shared/domain'
import { wrapText } from '@shared/formats/evidence/annotation-geometry'
import { damageSentence } from '@shared/formats/evidence/image-damage'
import { decodePicture } from './decode-picture'
import { drawMarks } from './draw-marks'

/** A picture of an item with its marks burned in, as made for an export. */
export interface AnnotatedRendering {
  /** The PDF page, or null for an image. */
  page: number | null
  png: Uint8Array
  marks: number
  redactions: number
}

/**
 * What the image check found, written in a band under the picture (never over it: nothing of the
 * evidence is covered), so a copy of an incomplete photo says so wherever it goes.
 */
function withDamageBand(picture: OffscreenCanvas, damage: EvidenceDamage): OffscreenCanvas {
  const fontSize = Math.max(12, Math.round(Math.min(picture.width, picture.height) * 0.03))
  const padding = Math.round(fontSize / 2)
  const measure = new OffscreenCanvas(1, 1).getContext('2d')!
  measure.font = `bold ${fontSize}px sans-serif`
  const lines = wrapText(
    damageSentence(damage).toUpperCase(),
    picture.width - 2 * padding,
    (text) => measure.measureText(text).width,
  )
  const band = lines.length * fontSize * 1.25 + 2 * padding
  const canvas = new OffscreenCanvas(picture.width, picture.height + Math.ceil(band))
  const context = canvas.getContext('2d')!
  context.drawImage(picture, 0, 0)
  context.fillStyle = '#fff3cd'
  context.fillRect(0, picture.height, canvas.width, band)
  context.fillStyle = '#000000'
  context.font = measure.font
  context.textBaseline = 'top'
  for (const [index, line] of lines.entries())
    context.fillText(line, padding, picture.height + padding + index * fontSize * 1.25)
  return canvas
}

/**
 * Burns the marks into the picture drawn on the canvas and encodes it as PNG; a photo the image
 * check found incomplete or damaged gets a band under it that says so.
 */
export async function burnIn(
  canvas: OffscreenCanvas,
  context: OffscreenCanvasRenderingContext2D,
  marks: readonly PageMark[],
  page: number | null,
  damage?: EvidenceDamage | null,
): Promise<AnnotatedRendering> {
  drawMarks(context, marks, canvas.width, canvas.height)
  const out = damage ? withDamageBand(canvas, damage) : canvas
  const png = new Uint8Array(await (await out.convertToBlob({ type: 'image/png' })).arrayBuffer())
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
  damage?: EvidenceDamage | null,
): Promise<AnnotatedRendering> {
  // EXIF orientation is applied, as the viewer shows it, so marks land where they were drawn.
  const picture = await decodePicture(blob)
  const canvas = new OffscreenCanvas(picture.width, picture.height)
  const context = canvas.getContext('2d')!
  context.drawImage(picture.source, 0, 0)
  picture.close()
  return burnIn(canvas, context, marks, null, damage)
}
