import { fileURLToPath } from 'node:url'
import type { PageMark } from '@shared/domain'
import type { PrintExhibit, PrintThumbnail } from '@shared/formats/report/print-html'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@web-host/chromium'
import { build } from 'esbuild'
import { type Browser, chromium } from 'playwright-core'

/**
 * Prepares figure pictures and evidence-index thumbnails outside the app (the command line) with the app's own code, bundled and
 * run in Chromium: the same burn-in of marks and redactions, the same downscaling.
 */
export async function createPicturePreparer() {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./print-pictures.entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  })
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  })
  const context = await browser.newContext({ offline: true })
  await context.route(/^(?!data:|about:)/, (route) => route.abort())
  const page = await context.newPage()
  await page.addScriptTag({ content: bundled.outputFiles[0]!.text })
  return {
    prepare: (bytes: Uint8Array, type: string, marks: PageMark[]): Promise<PrintExhibit['image']> =>
      page.evaluate(
        ([base64, type, marks]) => globalThis.preparePrintPictureFromBase64(base64, type, marks),
        [Buffer.from(bytes).toString('base64'), type, marks] as const,
      ),
    thumbnail: (bytes: Uint8Array, type: string, marks: PageMark[]): Promise<PrintThumbnail> =>
      page.evaluate(
        ([base64, type, marks]) => globalThis.preparePrintThumbnailFromBase64(base64, type, marks),
        [Buffer.from(bytes).toString('base64'), type, marks] as const,
      ),
    close: () => browser.close(),
  }
}
