import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync, zipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { printedPdf, verifyBundle, wavSilence } from './evidence-files'
import { createCase, identifyAs, openSettings } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
)
const CSV = Buffer.from('timestamp,sender,message\n2026-11-24T10:00:00Z,Dana,The door was scratched\n')

const imports = () => page.getByRole('list', { name: 'Evidence imports' }).innerText()
const evidenceList = () => page.getByRole('list', { name: 'Evidence', exact: true })

async function newCase(title: string): Promise<void> {
  await createCase(page, title)
  await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
}

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await newCase('Scratched front door')
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('evidence vault', () => {
  it('imports several files, types them from their bytes, and refuses a duplicate', async () => {
    await page.getByLabel('Evidence files').setInputFiles([
      { name: 'IMG_2041.png', mimeType: 'image/png', buffer: PNG },
      { name: 'order-chat.csv', mimeType: 'text/csv', buffer: CSV },
      // Named like a photo, but it is text: the bytes decide.
      { name: 'not-really.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Shopper statement, typed up.') },
      { name: 'IMG_2041 copy.png', mimeType: 'image/png', buffer: PNG },
    ])
    await expect.poll(imports).toContain('Added as E-1 (image/png)')
    await expect.poll(imports).toContain('Added as E-2 (text/csv)')
    await expect.poll(imports).toContain('Added as E-3 (text/plain)')
    await expect.poll(imports).toContain('Already in this case as E-1: not added again')
    await expect.poll(() => evidenceList().getByRole('button').count()).toBe(3)
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('case-timeline').innerText())
      .toContain('Exhibit E-2 added: order-chat.csv')
    await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
  })

  it('records where an item came from, what it shows and its tags', async () => {
    await evidenceList()
      .getByRole('button', { name: /^E-2 order-chat\.csv/ })
      .click()
    const viewer = page.getByLabel('Evidence viewer')
    await viewer.getByRole('button', { name: 'Details…' }).click()
    const dialog = page.getByRole('dialog', { name: /Details of E-2/ })
    await dialog.getByLabel('Description').fill('Order chat exported by support')
    await dialog.getByLabel('Tags').fill(`chat, ${'x'.repeat(61)}`)
    expect(await dialog.getByRole('button', { name: 'Save details' }).isDisabled()).toBe(true)
    await dialog.getByLabel('Tags').fill('chat, order-1234')
    await dialog.getByRole('button', { name: 'Save details' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => viewer.innerText()).toContain('Order chat exported by support')
    await expect.poll(() => viewer.innerText()).toContain('chat, order-1234')

    // What the chat shows happened at a moment: put it on the timeline from the item.
    await viewer.getByRole('button', { name: 'Add to timeline…' }).click()
    const event = page.getByRole('dialog', { name: 'Add timeline event' })
    expect(await event.getByLabel('What happened').inputValue()).toBe('E-2: order-chat.csv')
    await event.getByLabel('When it happened').fill('2026-11-24T10:00')
    await event.getByLabel('What happened').fill('Customer reports the scratch in the order chat (E-2)')
    await event.getByRole('button', { name: 'Add event' }).click()
    await event.waitFor({ state: 'hidden' })
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('case-timeline').innerText())
      .toContain('Customer reports the scratch in the order chat (E-2)')
    await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
  })

  it('takes files dropped on the Evidence tab and images pasted there', async () => {
    const deliver = (event: 'drop' | 'paste', name: string, text: string) =>
      page.getByTestId('evidence-drop-zone').evaluate(
        (zone, [event, name, text]) => {
          const transfer = new DataTransfer()
          transfer.items.add(new File([text], name, { type: 'text/plain' }))
          zone.dispatchEvent(
            event === 'drop'
              ? new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
              : new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
          )
        },
        [event, name, text] as const,
      )
    await deliver('drop', 'dropped-note.txt', 'Dropped on the tab')
    await expect.poll(imports).toContain('Added as E-4 (text/plain)')
    await deliver('paste', 'pasted.txt', 'Pasted into the tab')
    await expect.poll(imports).toContain('Added as E-5 (text/plain)')
  })

  it('refuses a file over the size limit with a clear message', async () => {
    await openSettings(page)
    const evidence = page.getByRole('region', { name: 'Evidence' })
    await evidence.getByLabel('Largest evidence file').fill('1')
    await evidence.getByRole('button', { name: 'Save limit' }).click()
    await expect
      .poll(() => page.getByText('Evidence files up to 1.0 MB are accepted.').isVisible())
      .toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Clear finished' }).click()
    await page.getByLabel('Evidence files').setInputFiles([
      {
        name: 'dashcam.bin',
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(2 * 1024 * 1024, 7),
      },
    ])
    await expect.poll(imports).toContain('2.0 MB is over the 1.0 MB limit for one evidence file')
    await expect.poll(() => evidenceList().getByRole('button', { name: /^E-\d/ }).count()).toBe(5)
  })

  it('shows a file it has no viewer for as hex, and saves a copy of the original bytes', async () => {
    const bytes = Buffer.from([
      0x7f,
      0x45,
      0x4c,
      0x46,
      0x02,
      0x01,
      0x01,
      0x00,
      ...Buffer.from('dashcam firmware'),
    ])
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'dashcam.dat', mimeType: 'application/octet-stream', buffer: bytes }])
    await expect.poll(imports).toContain('Added as E-6 (application/x-elf)')
    await evidenceList()
      .getByRole('button', { name: /^E-6 dashcam\.dat/ })
      .click()
    const viewer = page.getByLabel('Evidence viewer')
    await expect
      .poll(() => viewer.getByLabel('Hex view').innerText())
      .toContain('00000000  7f 45 4c 46 02 01 01 00 64 61 73 68 63 61 6d 20  .ELF....dashcam ')
    const download = page.waitForEvent('download')
    await viewer.getByRole('button', { name: 'Save a copy…' }).click()
    const copy = join(artifactsDir(), 'dashcam-copy.dat')
    await (await download).saveAs(copy)
    expect(readFileSync(copy).equals(bytes)).toBe(true)
    await expect
      .poll(() => viewer.getByRole('list', { name: 'Chain of custody' }).innerText())
      .toContain('Saved a copy as dashcam.dat')
  })

  it('verifies integrity and removes an item with a reason, both in the chain of custody', async () => {
    await evidenceList()
      .getByRole('button', { name: /^E-1 IMG_2041\.png/ })
      .click()
    const viewer = page.getByLabel('Evidence viewer')
    await viewer.getByRole('button', { name: 'Verify integrity' }).click()
    const custody = viewer.getByRole('list', { name: 'Chain of custody' })
    await expect.poll(() => custody.innerText()).toContain('Integrity verified')
    await expect.poll(() => custody.innerText()).toMatch(/viewed · Riley Chen/)

    await evidenceList()
      .getByRole('button', { name: /^E-3 not-really\.jpg/ })
      .click()
    await viewer.getByRole('button', { name: 'Remove…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Remove E-3 from the case?' })
    await dialog.getByLabel('Reason').fill('Duplicate of the statement in E-2')
    await dialog.getByRole('button', { name: 'Remove E-3' }).click()
    await expect.poll(() => custody.innerText()).toContain('Removed: Duplicate of the statement in E-2')
    await expect
      .poll(() => evidenceList().innerText())
      .toContain('Removed by Riley Chen: Duplicate of the statement in E-2')
  })

  it('exports an evidence bundle that verify-bundle passes, and fails once one byte is changed', async () => {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export evidence bundle…' }).click()
    const saved = join(artifactsDir(), 'CR-2026-000001-evidence.zip')
    await (await download).saveAs(saved)
    await expect
      .poll(() =>
        page.getByLabel('Evidence viewer').getByRole('list', { name: 'Chain of custody' }).innerText(),
      )
      .toContain('Exported in the evidence bundle CR-2026-000001-evidence.zip')

    const clean = await verifyBundle(saved)
    expect(clean.output).toContain('OK: 6 file(s) of CR-2026-000001 match their recorded SHA-256.')
    expect(clean.code).toBe(0)

    const entries = unzipSync(new Uint8Array(readFileSync(saved)))
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!))
    expect(strFromU8(entries['manifest.csv']!).split('\r\n')[0]).toBe(
      'exhibit,name,size,sha256,acquired_at,source,removed,image_check',
    )
    const photo = manifest.items.find((item: { exhibit: string }) => item.exhibit === 'E-1').path
    const photoBytes = entries[photo]!
    photoBytes[10] = photoBytes[10]! ^ 0x01
    const tampered = join(artifactsDir(), 'CR-2026-000001-evidence-tampered.zip')
    writeFileSync(tampered, zipSync(entries))
    const failed = await verifyBundle(tampered)
    expect(failed.output).toContain('ALTERED E-1')
    expect(failed.output).toContain('FAILED: 1 of 6 files failed: E-1 altered')
    expect(failed.code).toBe(1)
  })

  it('compares two photos side by side, each with its own zoom', async () => {
    const otherPng = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'IMG_2042.png', mimeType: 'image/png', buffer: otherPng }])
    await expect.poll(imports).toContain('Added as E-7 (image/png)')
    await evidenceList()
      .getByRole('button', { name: /^E-1 IMG_2041\.png/ })
      .click()
    await page.getByLabel('Evidence viewer').getByRole('button', { name: 'Compare…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compare images' })
    const left = dialog.getByRole('region', { name: 'E-1 compared' })
    const right = dialog.getByRole('region', { name: 'E-7 compared' })
    for (const side of [left, right])
      await expect
        .poll(() =>
          side.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        )
        .toBe(1)
    await right.getByRole('button', { name: '800%' }).click()
    await expect.poll(() => right.getByTestId('image-zoom').innerText()).toBe('800%')
    expect(await left.getByTestId('image-zoom').innerText()).toMatch(/^Fit/)
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('plays a call recording in the native player', async () => {
    const wav = wavSilence(0.5)
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'call-0931.wav', mimeType: 'audio/wav', buffer: wav }])
    await expect.poll(imports).toMatch(/Added as E-8 \(audio\/(x-)?wav\)/)
    await evidenceList()
      .getByRole('button', { name: /^E-8 call-0931\.wav/ })
      .click()
    const player = page.getByLabel('Evidence viewer').getByLabel('Recording player')
    await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.duration)).toBeCloseTo(0.5, 2)
  })

  it('pages through a PDF, zooms and finds text in it', async () => {
    const pdf = await printedPdf(context, [
      'Statement of the customer',
      'Photos of the door',
      'Damage estimate: $350 for the repaint',
    ])
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'estimate.pdf', mimeType: 'application/pdf', buffer: pdf }])
    await expect.poll(imports).toContain('(application/pdf)')
    await evidenceList()
      .getByRole('button', { name: /estimate\.pdf/ })
      .click()
    const viewer = page.getByLabel('Evidence viewer').getByRole('region', { name: 'PDF' })
    await expect.poll(() => viewer.getByTestId('pdf-page').innerText()).toBe('Page 1 of 3')
    // The page is drawn: some pixels of the canvas are not white.
    const inked = () =>
      viewer.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
        // Dark and opaque: drawn text (a canvas not yet drawn is transparent black).
        for (let index = 0; index < pixels.length; index += 4)
          if (pixels[index + 3]! > 0 && pixels[index]! < 128) return true
        return false
      })
    await expect.poll(inked).toBe(true)
    await viewer.getByRole('button', { name: 'Next page' }).click()
    await expect.poll(() => viewer.getByTestId('pdf-page').innerText()).toBe('Page 2 of 3')
    await viewer.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(() => viewer.innerText()).toContain('125%')
    await viewer.getByLabel('Find in PDF').fill('estimate')
    await viewer.getByLabel('Find in PDF').press('Enter')
    await expect.poll(() => viewer.getByTestId('pdf-found').innerText()).toBe('Found on page 3')
    await expect.poll(() => viewer.getByTestId('pdf-page').innerText()).toBe('Page 3 of 3')
  })

  it('links two cases that hold the same file', async () => {
    await newCase('Door scratched again')
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'forwarded.png', mimeType: 'image/png', buffer: PNG }])
    await expect.poll(() => evidenceList().innerText()).toContain('Same file in CR-2026-000001')
    await evidenceList().getByRole('button', { name: 'CR-2026-000001', exact: true }).click()
    await expect.poll(() => page.getByTestId('case-header').innerText()).toContain('CR-2026-000001')
  })

  it('opens chat exports as conversations whatever their columns: CSV with a BOM and quoted commas, JSON with epoch times', async () => {
    await newCase('Threat in the order chat')
    const csv = Buffer.from(
      '\uFEFFMessage,From,Sent At\r\n"Where are you, I have been waiting","Dana (customer)",2026-11-03 18:42:17\r\n"At the side door,\nby the bins",Luis (shopper),2026-11-03 18:44:02\r\n',
    )
    const json = Buffer.from(
      JSON.stringify({
        channel: 'order-7731',
        messages: [
          { ts: 1_793_731_337, user: { name: 'Dana (customer)' }, text: 'Hello?' },
          { ts: 1_793_731_400, user: { name: 'Luis (shopper)' }, text: 'Coming' },
        ],
      }),
    )
    await page.getByLabel('Evidence files').setInputFiles([
      { name: 'support-export.csv', mimeType: 'text/csv', buffer: csv },
      { name: 'chat.json', mimeType: 'application/json', buffer: json },
    ])
    await expect.poll(imports).toContain('Added as E-1 (text/csv)')
    await expect.poll(imports).toContain('Added as E-2 (application/json)')
    const viewer = page.getByLabel('Evidence viewer')
    await evidenceList()
      .getByRole('button', { name: /^E-1 support-export\.csv/ })
      .click()
    const messages = viewer.getByTestId('transcript-message')
    await expect.poll(() => messages.count()).toBe(2)
    expect(await messages.nth(0).innerText()).toContain('Dana (customer) · 2026-11-03 18:42:17')
    expect(await messages.nth(0).innerText()).toContain('Where are you, I have been waiting')
    expect(await messages.nth(1).innerText()).toContain('At the side door,\nby the bins')
    await evidenceList()
      .getByRole('button', { name: /^E-2 chat\.json/ })
      .click()
    await expect.poll(() => messages.count()).toBe(2)
    // The epoch time is an instant (18:42:17 UTC): shown as the app shows times, not left out.
    expect(await messages.nth(0).innerText()).toMatch(/Dana \(customer\) · Nov 3, 2026, \d{1,2}:42/)
  })
})
