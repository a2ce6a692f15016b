import type { PlatformRequest, PlatformResponse } from '../../shared/platform/contract'

/** The part of a BrowserWindow that printing needs. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>
  webContents: {
    printToPDF(options: {
      preferCSSPageSize: boolean
      printBackground: boolean
      generateDocumentOutline: boolean
      generateTaggedPDF: boolean
    }): Promise<Uint8Array>
  }
  destroy(): void
}

/**
 * Prints a report document to PDF in a hidden window made for that one job (sandboxed, scripts off,
 * no network: see `createWindow` in main.ts), then throws the window away.
 */
export function createPrintReportHandler(deps: { createWindow(): PrintWindow }) {
  return async (request: PlatformRequest<'report:print'>): Promise<PlatformResponse<'report:print'>> => {
    const window = deps.createWindow()
    try {
      await window.loadURL(
        `data:text/html;charset=utf-8;base64,${Buffer.from(request.html, 'utf8').toString('base64')}`,
      )
      const pdf = await window.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      })
      return { pdf: new Uint8Array(pdf) }
    } finally {
      window.destroy()
    }
  }
}
