// The report budgets: exporting a 30-page report with 40 photo exhibits, and typing in it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ReportDocument, ReportNode } from '@shared/formats/report/report-document'
import { REPORT_SECTIONS } from '@shared/formats/report/report-templates'
import { encode } from 'jpeg-js'
import type { Locator, Page } from 'playwright-core'
import { readPdf } from '../lib/pdf-reader'

/** A 1600 × 1200 photo, different for each `seed` (so no two are duplicates of each other). */
export function reportPhoto(seed: number): Buffer {
  const width = 1600
  const height = 1200
  const pixels = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 4
      pixels[offset] = (x + seed * 37) & 0xff
      pixels[offset + 1] = (y * 255) / height
      pixels[offset + 2] = ((x >> 4) ^ (y >> 4) ^ seed) & 0xff
      pixels[offset + 3] = 255
    }
  return Buffer.from(encode({ data: pixels, width, height }, 85).data)
}

const SENTENCE =
  'The shopper arrived at 18:02 according to the order events, left the bags at the side door and reported no contact with the customer. '

/** A report of about 30 printed pages: every section with text, and the 40 figures spread through Evidence. */
export function thirtyPageReport(figures: Array<{ evidenceId: string; exhibit: string }>): ReportDocument {
  const content: ReportNode[] = []
  for (const section of REPORT_SECTIONS) {
    content.push({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: section }] })
    for (let paragraph = 0; paragraph < 3; paragraph++)
      content.push({ type: 'paragraph', content: [{ type: 'text', text: SENTENCE.repeat(5) }] })
    if (section === 'Evidence')
      for (const figure of figures)
        content.push({
          type: 'exhibitFigure',
          attrs: { ...figure, caption: `Photo ${figure.exhibit} from the drop-off` },
        })
  }
  return { type: 'doc', content }
}

/** The ids and exhibit numbers of the open case's evidence, read from the app's database. */
export function caseExhibits(
  page: Page,
  caseNumber: string,
): Promise<Array<{ evidenceId: string; exhibit: string }>> {
  return page.evaluate(
    (caseNumber) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('critical-response-workstation')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const read = db.transaction(['cases', 'evidence'], 'readonly')
          const caseRequest = read.objectStore('cases').index('caseNumber').get(caseNumber)
          caseRequest.onsuccess = () => {
            const items = read.objectStore('evidence').index('caseId').getAll(caseRequest.result.id)
            items.onsuccess = () => {
              resolve(
                (items.result as Array<{ id: string; exhibitNumber: number }>)
                  .sort((a, b) => a.exhibitNumber - b.exhibitNumber)
                  .map((item) => ({ evidenceId: item.id, exhibit: `E-${item.exhibitNumber}` })),
              )
              db.close()
            }
          }
        }
      }),
    caseNumber,
  )
}

/** Replaces the open report's text through the editor itself (TipTap keeps its editor on its DOM). */
export async function setReportText(page: Page, body: ReportDocument): Promise<void> {
  await page.getByRole('textbox', { name: 'Report text' }).evaluate((element, body) => {
    const editor = (
      element as HTMLElement & { editor: { commands: { setContent(c: unknown, o: unknown): void } } }
    ).editor
    editor.commands.setContent(body, { emitUpdate: true })
  }, body)
  await page
    .getByTestId('report-save-state')
    .filter({ hasText: 'All changes saved' })
    .waitFor({ timeout: 30_000 })
}

/** Click on "Export PDF…" to the download: pictures, two printings, metadata, hash. Returns ms and pages. */
export async function timeReportExport(page: Page, scratch: string): Promise<{ ms: number; pages: number }> {
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  const download = page.waitForEvent('download', { timeout: 120_000 })
  const started = performance.now()
  // Internal audience, no password: the click on Export to the saved file.
  await page
    .getByRole('dialog', { name: 'Export the report as PDF' })
    .getByRole('button', { name: 'Export' })
    .click()
  const saved = await download
  const ms = performance.now() - started
  const path = join(scratch, 'bench-report.pdf')
  await saved.saveAs(path)
  const pdf = await readPdf(new Uint8Array(readFileSync(path)))
  // A figure that did not print would make the export look cheaper than it is: check they all did.
  const figures = pdf.pages.join('\n').match(/Photo E-\d+ from the drop-off/g)?.length ?? 0
  if (figures !== 40) throw new Error(`the exported report shows ${figures} of its 40 figures`)
  return { ms, pages: pdf.pages.length }
}

export interface TypingTimings {
  keystrokes: number
  /** Per keystroke: keydown to the end of the work it causes (handlers, editor update, style and layout). */
  work: number[]
  /** Chromium's Event Timing durations (keydown to the next frame) of the keystrokes at 16 ms or more. */
  eventTimings: number[]
}

/**
 * Types `keystrokes` characters at the end of `target` (a contenteditable) and times each one two ways
 * (see TypingTimings). Event Timing also counts the wait for the next frame, so even a bare
 * contenteditable shows 16 ms for many keys in headless Chromium: the bench measures one as a baseline.
 */
export async function timeTyping(page: Page, target: Locator, keystrokes: number): Promise<TypingTimings> {
  await target.evaluate((element) => {
    const blocks = element.querySelectorAll('p')
    const last = blocks[blocks.length - 1] ?? element
    const range = document.createRange()
    range.selectNodeContents(last)
    range.collapse(false)
    ;(element as HTMLElement).focus()
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    const timings = { work: [] as number[], eventTimings: [] as number[] }
    ;(window as unknown as { benchTyping: typeof timings }).benchTyping = timings
    window.addEventListener(
      'keydown',
      () => {
        const started = performance.now()
        // After the keystroke's task (insertion, the editor's transaction and re-render), force style
        // and layout and stop the clock: the work the keystroke caused, without waiting for a frame.
        setTimeout(() => {
          document.body.getBoundingClientRect()
          timings.work.push(performance.now() - started)
        }, 0)
      },
      true,
    )
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.name === 'keydown') timings.eventTimings.push(entry.duration)
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
  })
  const text = 'Typed during the benchmark to time input to paint. '
  for (let index = 0; index < keystrokes; index++) {
    const char = text[index % text.length]!
    await page.keyboard.press(char === ' ' ? 'Space' : char)
    await page.waitForTimeout(40)
  }
  await page.waitForTimeout(500)
  const timings = await page.evaluate(() => (window as unknown as { benchTyping: TypingTimings }).benchTyping)
  return { keystrokes, work: timings.work, eventTimings: timings.eventTimings }
}

/** The 95th percentile of Event Timing durations, where keystrokes without an entry took under 16 ms. */
export function eventTimingP95(timings: TypingTimings): string {
  const slow = [...timings.eventTimings].sort((a, b) => a - b)
  const index = Math.ceil(timings.keystrokes * 0.95) - (timings.keystrokes - slow.length) - 1
  return index >= 0 ? `${slow[index]!.toFixed(0)} ms` : 'under 16 ms'
}
