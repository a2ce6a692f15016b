import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

/**
 * Opens a PDF with pdf.js for viewing or rendering. Nothing in it runs: scripts are not supported,
 * font programs are not evaluated and XFA forms are not built. Rejects for damaged or encrypted files.
 */
export async function openPdf(blob: Blob): Promise<PDFDocumentProxy> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  return getDocument({ data: bytes, isEvalSupported: false, enableXfa: false }).promise
}
