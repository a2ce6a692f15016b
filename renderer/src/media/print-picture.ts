import type { PageMark } from '@shared/domain'
import type { PrintExhibit } from '@shared/formats/report/print-html'
import { decodePicture } from './decode-picture'
import { renderAnnotatedImage } from './render-annotated-image'

/**
 * Exhibit pictures are printed at most this many pixels on their long side: a figure is at most
 * 70 mm tall, so this is about 300 dpi on paper, and the PDF stays small and quick to print.
 */
const PRINT_IMAGE_EDGE = 1200

export async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let offset = 0; offset < bytes.length; offset += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000))
  return `data:${blob.type};base64,${btoa(binary)}`
}

/**
 * A figure's picture as printed: its marks burned in (redactions solid), downscaled, as JPEG. Uses
 * browser APIs only, so the app and the command line's Chromium prepare pictures the same way.
 */
export async function preparePrintPicture(
  original: Blob,
  marks: readonly PageMark[],
): Promise<PrintExhibit['image']> {
  const picture = marks.length
    ? new Blob([(await renderAnnotatedImage(original, marks)).png as Uint8Array<ArrayBuffer>], {
        type: 'image/png',
      })
    : original
  // A photo cut part-way is drawn as far as its rows go (its caption says it is incomplete).
  const bitmap = await decodePicture(picture)
  const scale = Math.min(1, PRINT_IMAGE_EDGE / Math.max(bitmap.width, bitmap.height))
  const canvas = new OffscreenCanvas(Math.round(bitmap.width * scale), Math.round(bitmap.height * scale))
  const context = canvas.getContext('2d')!
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(bitmap.source, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  return {
    dataUrl: await dataUrl(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.88 })),
    width: canvas.width,
    height: canvas.height,
    marks: marks.length,
    redactions: marks.filter((mark) => mark.kind === 'redaction').length,
  }
}
