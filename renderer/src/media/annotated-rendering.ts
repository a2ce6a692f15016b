import { type Evidence, exhibitLabel, type PageMark } from '@shared/domain'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { openPdf } from './pdf-document'
import { type AnnotatedRendering, burnIn, renderAnnotatedImage } from './render-annotated-image'

/** PDF pages are rendered at twice their size in points (144 dpi): sharp enough to read in print. */
const PDF_RENDER_SCALE = 2

export async function renderAnnotatedPdfPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  marks: readonly PageMark[],
): Promise<AnnotatedRendering> {
  const page = await pdf.getPage(pageNumber)
  const viewport = page.getViewport({ scale: PDF_RENDER_SCALE })
  const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const context = canvas.getContext('2d')!
  // An image of the page carries no text layer: text under a redaction is gone, not merely covered.
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as never,
    viewport,
  }).promise
  return burnIn(canvas, context, marks, pageNumber)
}

/**
 * Every rendering an item's marks call for: the image once, or each PDF page that has marks.
 * An item without marks has none.
 */
export async function annotatedRenderings(
  item: Evidence,
  blob: Blob,
  marks: readonly PageMark[],
): Promise<AnnotatedRendering[]> {
  if (marks.length === 0) return []
  if (item.detectedType !== 'application/pdf') return [await renderAnnotatedImage(blob, marks, item.damage)]
  const pdf = await openPdf(blob)
  try {
    const pages = [...new Set(marks.map((mark) => mark.page ?? 1))].sort((a, b) => a - b)
    const renderings = []
    for (const page of pages.filter((number) => number <= pdf.numPages))
      renderings.push(
        await renderAnnotatedPdfPage(
          pdf,
          page,
          marks.filter((mark) => (mark.page ?? 1) === page),
        ),
      )
    return renderings
  } finally {
    await pdf.destroy()
  }
}

/** "E-3-page-2-redacted.png", "E-4-annotated-incomplete.png": what the rendering is, in its name. */
export function renderingFileName(item: Evidence, rendering: AnnotatedRendering): string {
  const page = rendering.page === null ? '' : `-page-${rendering.page}`
  const damage = rendering.page === null && item.damage ? `-${item.damage.kind}` : ''
  return `${exhibitLabel(item.exhibitNumber)}${page}-${rendering.redactions ? 'redacted' : 'annotated'}${damage}.png`
}
