import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'

/**
 * Chromium's own print engine for the web host and the command line: the same engine Electron's
 * printToPDF uses. One browser is started on first use; each document prints in a fresh context
 * with scripts off and every network request refused (the document carries its images inline).
 */
export function createReportPrinter() {
  let browser: Promise<Browser> | null = null
  const start = () => {
    browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
    return browser
  }
  return {
    async print(html: string): Promise<Uint8Array> {
      const context = await (await start()).newContext({ javaScriptEnabled: false, offline: true })
      try {
        await context.route(/^(?!data:)/, (route) => route.abort())
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(
          await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }),
        )
      } finally {
        await context.close()
      }
    },
    async close(): Promise<void> {
      if (browser) await (await browser).close()
      browser = null
    },
  }
}
export type ReportPrinter = ReturnType<typeof createReportPrinter>
