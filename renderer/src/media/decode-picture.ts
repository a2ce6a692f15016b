/** A photo decoded for drawing on a canvas, EXIF orientation applied, as the viewer shows it. */
export interface DecodedPicture {
  source: CanvasImageSource
  width: number
  height: number
  close(): void
}

/** Grey hatching where a cut-off file has no picture: never mistaken for part of the photo (a white wall). */
function missingPictureBackground(width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d')!
  context.fillStyle = '#bdbdbd'
  context.fillRect(0, 0, width, height)
  context.strokeStyle = '#8a8a8a'
  context.lineWidth = Math.max(2, Math.round(Math.min(width, height) / 200))
  const step = context.lineWidth * 8
  context.beginPath()
  for (let x = -height; x < width; x += step) {
    context.moveTo(x, height)
    context.lineTo(x + height, 0)
  }
  context.stroke()
  return canvas
}

/**
 * Decodes a photo for a canvas. createImageBitmap refuses a file cut part-way; an <img> draws such a
 * file as far as its rows go, as the viewer shows it, so with a document at hand that is tried next,
 * over grey hatching where the picture is missing. A file nothing can draw rejects with
 * createImageBitmap's error.
 */
export async function decodePicture(blob: Blob): Promise<DecodedPicture> {
  try {
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
  } catch (error) {
    if (typeof document === 'undefined') throw error
    const url = URL.createObjectURL(blob)
    const image = new Image()
    image.src = url
    try {
      await image.decode()
    } catch {
      URL.revokeObjectURL(url)
      throw error
    }
    const canvas = missingPictureBackground(image.naturalWidth, image.naturalHeight)
    canvas.getContext('2d')!.drawImage(image, 0, 0)
    URL.revokeObjectURL(url)
    return { source: canvas, width: canvas.width, height: canvas.height, close: () => {} }
  }
}
