// Time from selecting an evidence item to its first visible content, for the viewer budgets.
import { encode } from 'jpeg-js'
import type { BrowserContext, Page } from 'playwright-core'

/** A 6000 × 4000 (24-megapixel) JPEG of smooth gradients and noise, as a phone would take. */
export function twentyFourMegapixelJpeg(): Buffer {
  const width = 6000
  const height = 4000
  const pixels = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4
      pixels[offset] = (x * 255) / width
      pixels[offset + 1] = (y * 255) / height
      pixels[offset + 2] = (x ^ y) & 0xff
      pixels[offset + 3] = 255
    }
  }
  return Buffer.from(encode({ data: pixels, width, height }, 85).data)
}

/** A 500-page PDF, printed by Chromium itself: a heading and a paragraph on each page. */
export async function fiveHundredPagePdf(context: BrowserContext): Promise<Buffer> {
  const printer = await context.newPage()
  const pages = Array.from(
    { length: 500 },
    (_, index) =>
      `<section style="page-break-after: always"><h1>Page ${index + 1}</h1><p>${'Delivery log entry. '.repeat(60)}</p></section>`,
  )
  await printer.setContent(pages.join(''))
  const pdf = await printer.pdf({ format: 'Letter' })
  await printer.close()
  return pdf
}

/**
 * Imports a file into the open case, then times (in the page) the click on its evidence row until
 * its image has decoded or its PDF canvas has ink.
 */
export async function timeFirstView(
  page: Page,
  name: string,
  bytes: Buffer,
  mimeType: string,
): Promise<number> {
  await page.getByLabel('Evidence files').setInputFiles([{ name, mimeType, buffer: bytes }])
  await page
    .getByRole('list', { name: 'Evidence imports' })
    .getByTestId('evidence-import')
    .filter({ hasText: name })
    .filter({ hasText: /Added as|Already in this case/ })
    .waitFor({ timeout: 5 * 60_000 })
  const row = page
    .getByRole('list', { name: 'Evidence', exact: true })
    .getByRole('button', { name: new RegExp(name.replace('.', '\\.')) })
  // A kept profile may hold the same name from an earlier run: the newest row is this one.
  const target = `evidence-row-${Date.now()}`
  await row.last().evaluate((element, target) => element.setAttribute('data-bench-target', target), target)
  return page.evaluate(
    ([name, target]) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now()
        document.querySelector<HTMLElement>(`[data-bench-target="${target}"]`)!.click()
        const viewer = () => {
          const pane = document.querySelector('[aria-label="Evidence viewer"]')
          // Only the new item's content counts, not what the pane showed before the click.
          return pane?.querySelector('h2')?.textContent?.includes(name) ? pane : null
        }
        const pdfInked = () => {
          const canvas = viewer()?.querySelector('canvas')
          if (!canvas || canvas.width === 0) return false
          const pixels = canvas
            .getContext('2d')!
            .getImageData(0, 0, canvas.width, Math.min(canvas.height, 400)).data
          // Dark and opaque: drawn text (a canvas not yet drawn is transparent black).
          for (let index = 0; index < pixels.length; index += 16)
            if (pixels[index + 3]! > 0 && pixels[index]! < 128) return true
          return false
        }
        const check = () => {
          const image = viewer()?.querySelector('img')
          if (image?.complete && image.naturalWidth > 0) {
            // Decoded, not just loaded: the photo can be painted now.
            image.decode().then(() => resolve(performance.now() - started), reject)
            return
          }
          if (pdfInked()) resolve(performance.now() - started)
          else if (performance.now() - started > 30_000) reject(new Error('nothing was shown within 30 s'))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    [name, target] as const,
  )
}
