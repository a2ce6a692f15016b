// Real evidence files made on the spot for e2e tests (recordings, printed PDFs, drawn photos), and
// the verify-bundle command as an analyst runs it.
import { execFile } from 'node:child_process'
import type { BrowserContext, Page } from 'playwright-core'
import { addParty, startOnEvidenceTab } from './workstation'

/** `seconds` of 8 kHz 8-bit mono silence: a complete WAV file. */
export function wavSilence(seconds: number): Buffer {
  const samples = Math.round(8_000 * seconds)
  const wav = Buffer.alloc(44 + samples, 0x80)
  wav.write('RIFF', 0)
  wav.writeUInt32LE(36 + samples, 4)
  wav.write('WAVEfmt ', 8)
  wav.writeUInt32LE(16, 16)
  wav.writeUInt16LE(1, 20)
  wav.writeUInt16LE(1, 22)
  wav.writeUInt32LE(8_000, 24)
  wav.writeUInt32LE(8_000, 28)
  wav.writeUInt16LE(1, 32)
  wav.writeUInt16LE(8, 34)
  wav.write('data', 36)
  wav.writeUInt32LE(samples, 40)
  return wav
}

/** A Letter-size PDF printed by Chromium itself, one page per text. */
export async function printedPdf(context: BrowserContext, pages: string[]): Promise<Buffer> {
  const printer = await context.newPage()
  await printer.setContent(
    pages.map((text) => `<p style="page-break-after: always; font-size: 28px">${text}</p>`).join(''),
  )
  const pdf = await printer.pdf({ format: 'Letter' })
  await printer.close()
  return pdf
}

/** One of the project's command-line scripts as an analyst runs it: its exit code and what it printed. */
export function runScript(script: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) =>
    execFile('npx', ['tsx', `scripts/${script}`, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    ),
  )
}

/** `npm run verify-bundle -- path`. */
export const verifyBundle = (path: string) => runScript('verify-bundle.ts', path)

/** A PNG drawn in the page: a background and filled boxes, e.g. a photo with a plate to redact. */
export function drawnPng(
  page: Page,
  size: { width: number; height: number; background: string },
  boxes: Array<{ fill: string; x: number; y: number; width: number; height: number }>,
): Promise<Buffer> {
  return drawnPicture(page, size, boxes, 'image/png')
}

/** The same drawn as a JPEG by Chromium's encoder (baseline, as most cameras and phones write them). */
export function drawnJpeg(
  page: Page,
  size: { width: number; height: number; background: string },
  boxes: Array<{ fill: string; x: number; y: number; width: number; height: number }>,
): Promise<Buffer> {
  return drawnPicture(page, size, boxes, 'image/jpeg')
}

async function drawnPicture(
  page: Page,
  size: { width: number; height: number; background: string },
  boxes: Array<{ fill: string; x: number; y: number; width: number; height: number }>,
  type: 'image/png' | 'image/jpeg',
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([size, boxes, type]) => {
      const canvas = new OffscreenCanvas(size.width, size.height)
      const context = canvas.getContext('2d')!
      context.fillStyle = size.background
      context.fillRect(0, 0, size.width, size.height)
      for (const box of boxes) {
        context.fillStyle = box.fill
        context.fillRect(box.x, box.y, box.width, box.height)
      }
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type })).arrayBuffer())
      let binary = ''
      for (const byte of bytes) binary += String.fromCharCode(byte)
      return btoa(binary)
    },
    [size, boxes, type] as const,
  )
  return Buffer.from(base64, 'base64')
}

/** The colour of a PNG's pixels at the given fractions of its width and height (decoded in the page). */
export function pixelsOf(
  page: Page,
  png: Buffer,
  points: Array<[number, number]>,
): Promise<{ width: number; height: number; colours: Array<[number, number, number]> }> {
  return page.evaluate(
    async ([base64, points]) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      const colours = points.map(([x, y]) => {
        const [r, g, b] = context.getImageData(
          Math.floor(x * bitmap.width),
          Math.floor(y * bitmap.height),
          1,
          1,
        ).data
        return [r, g, b] as [number, number, number]
      })
      return { width: bitmap.width, height: bitmap.height, colours }
    },
    [png.toString('base64'), points] as const,
  )
}

/**
 * Where the determination and verification tests start: a new case with one photo (E-1, a red
 * shape on grey) and a shopper and a customer.
 */
export async function caseWithPhotoAndParties(page: Page, title: string, photoName: string): Promise<void> {
  await startOnEvidenceTab(page, title)
  const photo = await drawnPng(page, { width: 320, height: 240, background: '#777' }, [
    { fill: '#b71c1c', x: 80, y: 60, width: 160, height: 100 },
  ])
  await page
    .getByLabel('Evidence files')
    .setInputFiles([{ name: photoName, mimeType: 'image/png', buffer: photo }])
  await page.getByRole('list', { name: 'Evidence imports' }).getByText('Added as E-1 (image/png)').waitFor()
  await addParty(page, { name: 'Luis Ortega', role: 'Shopper' })
  await addParty(page, { name: 'Dana Okafor', role: 'Customer' })
}
