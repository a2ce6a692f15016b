import type { PlatformRequest, PlatformResponse } from '@shared/protocol/platform/contract'

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
 * Prints a report document to PDF in a hidden window made for that one job (sandboxed, scripts off:
 * see `printWindowOptions`), loading it from the app's own protocol, then throws the window away.
 */
export function createPrintReportHandler(deps: {
  createWindow(): PrintWindow
  publish(html: string): { url: string; withdraw(): void }
}) {
  return async (request: PlatformRequest<'report:print'>): Promise<PlatformResponse<'report:print'>> => {
    const window = deps.createWindow()
    const published = deps.publish(request.html)
    try {
      await window.loadURL(published.url)
      const pdf = await window.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      })
      return { pdf: new Uint8Array(pdf) }
    } finally {
      published.withdraw()
      window.destroy()
    }
  }
}
