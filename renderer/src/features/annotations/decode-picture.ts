/** A photo decoded for drawing on a canvas, EXIF orientation applied, as the viewer shows it. */
export interface DecodedPicture {
  source: CanvasImageSource
  width: number
  height: number
  close(): void
}

/**
 * Decodes a photo for a canvas. createImageBitmap refuses a file cut part-way; an <img> draws such a
 * file as far as its rows go (the rest left empty), as the viewer shows it, so with a document at
 * hand that is tried next. A file nothing can draw rejects with createImageBitmap's error.
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
    return {
      source: image,
      width: image.naturalWidth,
      height: image.naturalHeight,
      close: () => URL.revokeObjectURL(url),
    }
  }
}
