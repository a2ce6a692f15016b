import { type Browser, type BrowserContext, chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium'

/** Somewhere Chromium can load a document from over HTTP (the web host serves it once, by token). */
export interface PrintDocumentPublisher {
  publish(html: string): { url: string; withdraw(): void }
}

/**
 * Chromium's own print engine for the web host and the command line: the same engine Electron's
 * printToPDF uses. One browser and one context (scripts off) are started on first use; each document
 * prints in its own page, and the context refuses every request but the document being printed (the
 * document carries its images inline). A large document is loaded over the web host's HTTP rather
 * than sent through the DevTools protocol, which is several times slower for megabytes of text.
 */
export function createReportPrinter(publisher?: PrintDocumentPublisher) {
  let started: Promise<{ browser: Browser; context: BrowserContext }> | null = null
  const allowed = new Set<string>()
  const start = () => {
    started ??= (async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
      })
      const context = await browser.newContext({ javaScriptEnabled: false })
      await context.route('**/*', (route) =>
        allowed.has(route.request().url()) || route.request().url().startsWith('data:')
          ? route.fallback()
          : route.abort(),
      )
      return { browser, context }
    })()
    return started
  }
  return {
    async print(html: string): Promise<Uint8Array> {
      const { context } = await start()
      const page = await context.newPage()
      const published = publisher?.publish(html)
      try {
        if (published) {
          allowed.add(published.url)
          await page.goto(published.url, { waitUntil: 'load' })
        } else await page.setContent(html, { waitUntil: 'load' })
        return new Uint8Array(
          await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }),
        )
      } finally {
        if (published) {
          allowed.delete(published.url)
          published.withdraw()
        }
        await page.close()
      }
    },
    async close(): Promise<void> {
      if (started) await (await started).browser.close()
      started = null
    },
  }
}
export type ReportPrinter = ReturnType<typeof createReportPrinter>
