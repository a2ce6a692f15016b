import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { drawnPng, pixelsOf, printedPdf, verifyBundle, wavSilence } from './evidence-files'
import { dragAcross, startOnEvidenceTab } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const imports = () => page.getByRole('list', { name: 'Evidence imports' }).innerText()
const evidenceList = () => page.getByRole('list', { name: 'Evidence', exact: true })
const viewer = () => page.getByLabel('Evidence viewer')
const custody = () => viewer().getByRole('list', { name: 'Chain of custody' }).innerText()
const GREEN: [number, number, number] = [0, 200, 0]

/** A 400×300 photo: white, with a green square (a licence plate, say) at 60–90% across, 10–40% down. */
const photoWithPlate = () =>
  drawnPng(page, { width: 400, height: 300, background: '#ffffff' }, [
    { fill: 'rgb(0, 200, 0)', x: 240, y: 30, width: 120, height: 90 },
  ])

const tool = (name: string) => viewer().getByRole('button', { name, exact: true }).click()

async function saveDownload(click: () => Promise<void>, name: string): Promise<Buffer> {
  const download = page.waitForEvent('download')
  await click()
  const path = join(artifactsDir(), name)
  await (await download).saveAs(path)
  expect((await download).suggestedFilename()).toBe(name)
  return readFileSync(path)
}

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await startOnEvidenceTab(page, 'Licence plate in delivery photo')
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('annotating and redacting evidence', () => {
  it('draws a redaction, a rectangle, an arrow and a callout on a photo, each in the custody record', async () => {
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'dropoff.png', mimeType: 'image/png', buffer: await photoWithPlate() }])
    await expect.poll(imports).toContain('Added as E-1 (image/png)')
    await evidenceList()
      .getByRole('button', { name: /^E-1 dropoff\.png/ })
      .click()
    const photo = viewer().getByRole('img', { name: 'dropoff.png' })
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(400)

    await tool('Redact an area')
    await dragAcross(page, photo, [0.58, 0.08], [0.92, 0.42])
    await tool('Draw a rectangle')
    await dragAcross(page, photo, [0.1, 0.1], [0.4, 0.4])
    await tool('Draw an arrow')
    await dragAcross(page, photo, [0.3, 0.8], [0.55, 0.5])
    await tool('Add a text callout')
    await dragAcross(page, photo, [0.05, 0.6], [0.5, 0.95])
    const callout = page.getByRole('dialog', { name: 'Text callout' })
    await callout.getByLabel('Callout text').fill('Scratch starts here')
    await callout.getByRole('button', { name: 'Save' }).click()
    await callout.waitFor({ state: 'hidden' })
    await tool('Pan and zoom')

    const list = viewer().getByRole('list', { name: 'Annotations' })
    await expect.poll(() => list.innerText()).toContain('Text callout on the image: "Scratch starts here"')
    const listed = await list.innerText()
    for (const mark of ['Redaction on the image', 'Rectangle on the image', 'Arrow on the image'])
      expect(listed).toContain(mark)
    const layer = viewer().getByTestId('annotation-layer')
    expect(
      await layer.locator('[data-mark]').evaluateAll((marks) => marks.map((mark) => mark.dataset.mark)),
    ).toEqual(['redaction', 'rectangle', 'arrow', 'callout'])
    // The redaction covers the plate: its box in the photo's own pixels.
    const redaction = await layer.locator('[data-mark="redaction"]').evaluate((rect) => ({
      x: Number(rect.getAttribute('x')),
      width: Number(rect.getAttribute('width')),
    }))
    expect(redaction.x).toBeGreaterThan(220)
    expect(redaction.x).toBeLessThan(240)
    expect(redaction.width).toBeGreaterThan(125)
    await expect.poll(custody).toContain('Added redaction on the image')
    expect(await custody()).toContain('Added text callout on the image: "Scratch starts here"')
  })

  it('draws where the pointer is on a turned photo', async () => {
    await viewer().getByRole('button', { name: 'Rotate right' }).click()
    const photo = viewer().getByRole('img', { name: 'dropoff.png' })
    // Turned right, the photo's top-left corner is at the top right of what is on screen.
    await tool('Draw a rectangle')
    await dragAcross(page, photo, [0.95, 0.05], [0.75, 0.25])
    await tool('Pan and zoom')
    const rectangles = viewer().getByTestId('annotation-layer').locator('[data-mark="rectangle"]')
    await expect.poll(() => rectangles.count()).toBe(2)
    const turned = await rectangles
      .nth(1)
      .evaluate((rect) => ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name))))
    // 5%–25% of 400 × 300 pixels, within a pixel or two of where the pointer went.
    expect(turned[0]).toBeCloseTo(20, -1)
    expect(turned[1]).toBeCloseTo(15, -1)
    expect(turned[2]).toBeCloseTo(80, -1)
    expect(turned[3]).toBeCloseTo(60, -1)
    await viewer().getByRole('button', { name: 'Rotate left' }).click()
    // Take it off again: removal is a custody line too.
    await viewer()
      .getByRole('list', { name: 'Annotations' })
      .getByRole('button', { name: 'Remove annotation' })
      .nth(4)
      .click()
    await expect.poll(() => rectangles.count()).toBe(1)
    await expect.poll(custody).toContain('Removed rectangle on the image')
  })

  it('changes a callout’s text', async () => {
    const list = viewer().getByRole('list', { name: 'Annotations' })
    await list.getByRole('button', { name: 'Change text' }).click()
    const dialog = page.getByRole('dialog', { name: 'Change text' })
    await dialog.getByLabel('Callout text').fill('Scratch starts at the hinge')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => list.innerText()).toContain('"Scratch starts at the hinge"')
    await expect.poll(custody).toContain('Changed text callout on the image: "Scratch starts at the hinge"')
  })

  it('saves a copy with the redaction burned in solid, and the original still verifies', async () => {
    const png = await saveDownload(
      () => viewer().getByRole('button', { name: 'Save annotated copy…' }).click(),
      'E-1-redacted.png',
    )
    const { width, height, colours } = await pixelsOf(page, png, [
      [0.75, 0.25], // the plate, under the redaction
      [0.61, 0.11], // the plate's corner, under the redaction
      [0.97, 0.97], // untouched background
      [0.25, 0.1], // the rectangle's top edge
    ])
    expect([width, height]).toEqual([400, 300])
    expect(colours[0]).toEqual([0, 0, 0])
    expect(colours[1]).toEqual([0, 0, 0])
    expect(colours[2]).toEqual([255, 255, 255])
    expect(colours[3]).not.toEqual([255, 255, 255])
    // Nowhere in the rendering is the plate's green left.
    const green = await page.evaluate(
      async ([base64, [r, g, b]]) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
        const bitmap = await createImageBitmap(new Blob([bytes]))
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
        const context = canvas.getContext('2d')!
        context.drawImage(bitmap, 0, 0)
        const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data
        let count = 0
        for (let index = 0; index < data.length; index += 4)
          if (data[index] === r && data[index + 1] === g && data[index + 2] === b) count++
        return count
      },
      [png.toString('base64'), GREEN] as const,
    )
    expect(green).toBe(0)
    await expect
      .poll(custody)
      .toContain('Saved an annotated rendering as E-1-redacted.png (4 marks, 1 redaction burned in)')

    await viewer().getByRole('button', { name: 'Verify integrity' }).click()
    await expect.poll(custody).toContain('Integrity verified')
  })

  it('redacts a line of a PDF page; the saved page is a picture with the text under solid black', async () => {
    const pdf = await printedPdf(context, [
      'Delivery receipt',
      'Shopper phone 555-0142 and address 12 Elm St',
    ])
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: pdf }])
    await expect.poll(imports).toContain('Added as E-2 (application/pdf)')
    await evidenceList()
      .getByRole('button', { name: /^E-2 receipt\.pdf/ })
      .click()
    const pdfView = viewer().getByRole('region', { name: 'PDF' })
    await expect.poll(() => pdfView.getByTestId('pdf-page').innerText()).toBe('Page 1 of 2')
    await pdfView.getByRole('button', { name: 'Next page' }).click()
    await expect.poll(() => pdfView.getByTestId('pdf-page').innerText()).toBe('Page 2 of 2')
    await tool('Redact an area')
    await dragAcross(
      page,
      pdfView.getByRole('group', { name: 'Annotations on page 2' }),
      [0.05, 0.03],
      [0.95, 0.12],
    )
    await tool('Pan and zoom')
    await expect
      .poll(() => viewer().getByRole('list', { name: 'Annotations' }).innerText())
      .toContain('Redaction on page 2')
    // The mark belongs to page 2 only.
    await pdfView.getByRole('button', { name: 'Previous page' }).click()
    await expect.poll(() => pdfView.locator('[data-mark]').count()).toBe(0)
    await pdfView.getByRole('button', { name: 'Next page' }).click()
    await expect.poll(() => pdfView.locator('[data-mark]').count()).toBe(1)

    const png = await saveDownload(
      () => viewer().getByRole('button', { name: 'Save annotated page…' }).click(),
      'E-2-page-2-redacted.png',
    )
    const { width, colours } = await pixelsOf(page, png, [
      [0.5, 0.075],
      [0.5, 0.6],
    ])
    expect(width).toBe(1224) // Letter, 612 points at 144 dpi
    expect(colours[0]).toEqual([0, 0, 0])
    expect(colours[1]).toEqual([255, 255, 255])
    await expect.poll(custody).toContain('Saved an annotated rendering as E-2-page-2-redacted.png')
  })

  it('pins notes to moments of a recording, and plays from a note', async () => {
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'call-1140.wav', mimeType: 'audio/wav', buffer: wavSilence(5) }])
    await expect.poll(imports).toMatch(/Added as E-3 \(audio\/(x-)?wav\)/)
    await evidenceList()
      .getByRole('button', { name: /^E-3 call-1140\.wav/ })
      .click()
    const player = viewer().getByLabel('Recording player')
    await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.duration)).toBeCloseTo(5, 1)
    await player.evaluate((audio: HTMLAudioElement) => {
      audio.currentTime = 3.4
    })
    await expect
      .poll(() => player.evaluate((audio: HTMLAudioElement) => audio.currentTime))
      .toBeCloseTo(3.4, 1)
    await viewer().getByRole('button', { name: 'Add a note at this moment' }).click()
    const dialog = page.getByRole('dialog', { name: 'Note at 0:03' })
    await dialog.getByLabel('Note').fill('Shopper admits dropping the bag')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const notes = viewer().getByRole('list', { name: 'Notes on this recording' })
    await expect
      .poll(() => notes.innerText())
      .toContain('Timestamped note at 0:03: "Shopper admits dropping the bag"')
    await expect.poll(custody).toContain('Added timestamped note at 0:03')

    await player.evaluate((audio: HTMLAudioElement) => {
      audio.currentTime = 0
    })
    await notes.getByText(/Shopper admits/).click()
    await expect
      .poll(() => player.evaluate((audio: HTMLAudioElement) => audio.currentTime))
      .toBeGreaterThanOrEqual(3.4)
  })

  it('plays a dash-cam clip in the native video player, with a note on it', async () => {
    // One second of a moving square, recorded by Chromium's own MediaRecorder: a real WebM clip.
    const base64 = await page.evaluate(async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 160
      canvas.height = 120
      const context = canvas.getContext('2d')!
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' })
      const chunks: Blob[] = []
      recorder.ondataavailable = (event) => chunks.push(event.data)
      const stopped = new Promise((resolve) => {
        recorder.onstop = resolve
      })
      recorder.start()
      for (let frame = 0; frame < 25; frame++) {
        context.fillStyle = '#203040'
        context.fillRect(0, 0, 160, 120)
        context.fillStyle = '#ffcc00'
        context.fillRect(frame * 5, 40, 30, 30)
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
      recorder.stop()
      await stopped
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer())
      let binary = ''
      for (const byte of bytes) binary += String.fromCharCode(byte)
      return btoa(binary)
    })
    await page
      .getByLabel('Evidence files')
      .setInputFiles([
        { name: 'dashcam.webm', mimeType: 'video/webm', buffer: Buffer.from(base64, 'base64') },
      ])
    await expect.poll(imports).toContain('Added as E-4 (video/webm)')
    await evidenceList()
      .getByRole('button', { name: /^E-4 dashcam\.webm/ })
      .click()
    const player = viewer().getByLabel('Video player')
    await expect.poll(() => player.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBe(160)
    await viewer().getByRole('button', { name: 'Add a note at this moment' }).click()
    const dialog = page.getByRole('dialog', { name: 'Note at 0:00' })
    await dialog.getByLabel('Note').fill('Car pulls in from the left')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect
      .poll(() => viewer().getByRole('list', { name: 'Notes on this recording' }).innerText())
      .toContain('Timestamped note at 0:00: "Car pulls in from the left"')
  })

  it('shows a chat log as a searchable conversation with notes on messages', async () => {
    const log = [
      '[2026-11-24 18:02] Dana (customer): The mailbox is dented',
      '[2026-11-24 18:03] Luis (shopper): I did not touch the mailbox',
      'I left the bag at the door',
      '[2026-11-24 18:05] Dana (customer): <b>Then who did?</b>',
    ].join('\n')
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'order-chat.txt', mimeType: 'text/plain', buffer: Buffer.from(log) }])
    await expect.poll(imports).toContain('Added as E-5 (text/plain)')
    await evidenceList()
      .getByRole('button', { name: /^E-5 order-chat\.txt/ })
      .click()
    const messages = viewer().getByTestId('transcript-message')
    await expect.poll(() => messages.count()).toBe(3)
    expect(await messages.nth(1).innerText()).toContain('Luis (shopper) · 2026-11-24 18:03')
    expect(await messages.nth(1).innerText()).toContain(
      'I did not touch the mailbox\nI left the bag at the door',
    )
    // Markup in a message is its text.
    expect(await messages.nth(2).innerText()).toContain('<b>Then who did?</b>')
    expect(await messages.nth(2).locator('b').count()).toBe(0)

    await viewer().getByLabel('Search transcript').fill('mailbox')
    await expect
      .poll(() => viewer().getByTestId('transcript-count').innerText())
      .toBe('2 of 3 messages match')
    expect(await viewer().getByLabel('Conversation').locator('mark').count()).toBe(2)
    await viewer().getByRole('button', { name: 'Add a note on message 2' }).click()
    const dialog = page.getByRole('dialog', { name: 'Note on message 2' })
    await dialog.getByLabel('Note').fill('Contradicts the doorbell video')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect
      .poll(() => messages.nth(1).innerText())
      .toContain('Note · Riley Chen: Contradicts the doorbell video')
    await expect.poll(custody).toContain('Added timestamped note on message 2 (2026-11-24 18:03)')
  })

  it('puts burned-in renderings and the marks in the evidence bundle, and verify-bundle checks them', async () => {
    const saved = join(artifactsDir(), 'annotated-evidence.zip')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export evidence bundle…' }).click()
    await (await download).saveAs(saved)
    const entries = unzipSync(new Uint8Array(readFileSync(saved)))
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!))
    expect(
      manifest.renderings.map((rendering: { path: string; redactions: number }) => [
        rendering.path,
        rendering.redactions,
      ]),
    ).toEqual([
      ['renderings/E-1-redacted.png', 1],
      ['renderings/E-2-page-2-redacted.png', 1],
    ])
    const marks = JSON.parse(strFromU8(entries['annotations.json']!))
    expect(marks.map((mark: { kind: string }) => mark.kind).sort()).toEqual(
      ['arrow', 'callout', 'note', 'note', 'note', 'rectangle', 'redaction', 'redaction'].sort(),
    )
    const verdict = await verifyBundle(saved)
    expect(verdict.output).toContain('INTACT  E-1 rendering renderings/E-1-redacted.png')
    expect(verdict.output).toContain('INTACT  E-2 rendering (page 2) renderings/E-2-page-2-redacted.png')
    expect(verdict.code).toBe(0)
  })
})
