import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readPdf } from '@scripts/lib/pdf-reader'
import { readJpegStructure } from '@shared/formats/evidence/jpeg-structure'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { drawnJpeg, verifyBundle } from './evidence-files'
import { queueRows, startOnEvidenceTab } from './workstation'

/**
 * A photo cut off part-way (a download that stopped) beside a sound one: the cut one is marked
 * incomplete, with the rows it holds, wherever it shows — the evidence list, the viewer, its chain of
 * custody, a report figure and the evidence bundle.
 */

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const CASE_TITLE = 'Porch photo cut short'
let photo: Buffer
let cut: Buffer
/** "the file ends after N of 480 rows", as the image check words it. */
let finding: string

const evidenceList = () => page.getByRole('list', { name: 'Evidence', exact: true })
const imports = () => page.getByRole('list', { name: 'Evidence imports' }).innerText()
const viewer = () => page.getByLabel('Evidence viewer')
const custody = () => viewer().getByRole('list', { name: 'Chain of custody' }).innerText()
const openItem = (name: RegExp) => evidenceList().getByRole('button', { name }).click()

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  photo = await drawnJpeg(page, { width: 640, height: 480, background: '#8a8f98' }, [
    { fill: '#c62828', x: 260, y: 160, width: 140, height: 90 },
    { fill: '#1b5e20', x: 40, y: 320, width: 500, height: 120 },
  ])
  cut = photo.subarray(0, Math.floor(photo.length * 0.55))
  finding = readJpegStructure(new Uint8Array(cut))!.detail
  expect(finding).toMatch(/^the file ends after \d+ of 480 rows$/)
  await startOnEvidenceTab(page, CASE_TITLE)
  await page.getByLabel('Evidence files').setInputFiles([
    { name: 'porch-cut.jpg', mimeType: 'image/jpeg', buffer: cut },
    { name: 'porch.jpg', mimeType: 'image/jpeg', buffer: photo },
  ])
  await page.getByRole('list', { name: 'Evidence imports' }).getByText('Added as E-2 (image/jpeg)').waitFor()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('a photo cut off part-way', () => {
  it('is reported as incomplete when imported, and marked so in the evidence list with the reason', async () => {
    expect(await imports()).toContain(`This image is incomplete: ${finding}.`)
    const marks = evidenceList().getByTestId('damage-mark')
    await expect.poll(() => marks.count()).toBe(1)
    // The reason is read with the mark (screen readers) and shown on hover.
    await expect
      .poll(() =>
        evidenceList()
          .getByRole('button', { name: /^E-1 porch-cut\.jpg/ })
          .innerText(),
      )
      .toContain('incomplete')
    expect(
      await evidenceList()
        .getByRole('button', { name: /^E-1 porch-cut\.jpg/ })
        .textContent(),
    ).toContain(`incomplete: ${finding}`)
    expect(
      await evidenceList()
        .getByRole('button', { name: /^E-2 porch\.jpg/ })
        .textContent(),
    ).not.toContain('incomplete')
    await marks.hover()
    await expect
      .poll(() => page.getByRole('tooltip').innerText())
      .toBe(`This image is incomplete: ${finding}.`)
    await page.mouse.move(0, 0)
    await page.getByRole('tooltip').waitFor({ state: 'hidden' })
  })

  it('shows a banner above the picture in the viewer, and the import in custody records the finding', async () => {
    await openItem(/^E-1 porch-cut\.jpg/)
    const banner = viewer().getByTestId('image-condition')
    await expect.poll(() => banner.innerText()).toContain(`This image is incomplete: ${finding}.`)
    const picture = viewer().getByRole('img', { name: 'porch-cut.jpg' })
    await picture.waitFor()
    expect((await banner.boundingBox())!.y).toBeLessThan((await picture.boundingBox())!.y)
    await expect.poll(custody).toContain(`image check: INCOMPLETE — ${finding}`)

    // Verify integrity checks the picture again and records it with the hash.
    await viewer().getByRole('button', { name: 'Verify integrity' }).click()
    await expect
      .poll(custody)
      .toContain(
        `Integrity verified: the stored bytes still hash to the recorded SHA-256; image check: INCOMPLETE — ${finding}`,
      )

    await openItem(/^E-2 porch\.jpg/)
    await expect.poll(custody).toContain('image check: the picture is complete and decodes')
    await viewer().getByRole('img', { name: 'porch.jpg' }).waitFor()
    expect(await viewer().getByTestId('image-condition').count()).toBe(0)
  })

  it('exports the evidence bundle with its progress, says where it went, and the manifest carries the finding', async () => {
    // Every step the export shows, as it shows it (two small files pass quickly).
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { bundleSteps: string[] }).bundleSteps = seen
      new MutationObserver(() => {
        const step = document.querySelector('[data-testid="bundle-export-step"]')?.textContent
        if (step && seen.at(-1) !== step) seen.push(step)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export evidence bundle…' }).click()
    const saved = join(artifactsDir(), 'porch-evidence.zip')
    await (await download).saveAs(saved)
    const outcome = page.getByTestId('bundle-export-outcome')
    await expect
      .poll(() => outcome.innerText())
      .toMatch(
        /^The evidence bundle of CR-2026-000001 \(2 evidence items, [\d.]+ KB\) was downloaded as CR-2026-000001-evidence\.zip: the browser saves it in its downloads folder, or where it asked you\.$/,
      )
    // The steps shown depend on how fast each passes; packing in the worker is always seen.
    const steps = await page.evaluate(() => (window as unknown as { bundleSteps: string[] }).bundleSteps)
    expect(steps).toContain('Packing the files into the bundle')
    for (const step of steps)
      expect(step).toMatch(
        /^(Reading the case’s evidence|Reading E-[12] \([12] of 2\)|Packing the files into the bundle|Handing the bundle to the browser…)$/,
      )

    const entries = unzipSync(new Uint8Array(readFileSync(saved)))
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!))
    expect(
      manifest.items.map((item: { exhibit: string; damage: unknown }) => [item.exhibit, item.damage]),
    ).toEqual([
      ['E-1', { kind: 'incomplete', detail: finding }],
      ['E-2', null],
    ])
    const csv = strFromU8(entries['manifest.csv']!).split('\r\n')
    expect(csv[0]).toBe('exhibit,name,size,sha256,acquired_at,source,removed,image_check')
    expect(csv[1]).toMatch(new RegExp(`,incomplete: ${finding}$`))
    expect(csv[2]).toMatch(/,complete$/)
    const verified = await verifyBundle(saved)
    expect(verified.output).toContain('OK: 2 file(s) of CR-2026-000001 match their recorded SHA-256.')
    expect(verified.code).toBe(0)
  })

  it('is marked incomplete, with the reason, in the caption of its report figure', async () => {
    await page.getByRole('tab', { name: 'Report', exact: true }).click()
    await page.getByRole('button', { name: 'Start the report' }).click()
    // The report's evidence table says it too.
    await expect
      .poll(() =>
        page
          .getByRole('textbox', { name: 'Report text' })
          .locator('[data-case-table="evidence"]')
          .innerText(),
      )
      .toContain(`image/jpeg (incomplete: ${finding})`)
    await page.getByRole('button', { name: '+ Exhibit figure' }).click()
    const figure = page.getByRole('dialog', { name: 'Insert an exhibit figure' })
    await figure.getByLabel('Exhibit').click()
    await page.getByRole('option', { name: /^E-1 · porch-cut\.jpg/ }).click()
    await expect
      .poll(() => figure.innerText())
      .toContain(
        `This image is incomplete: ${finding}. Its figure is marked "incomplete" in the report, with the reason.`,
      )
    await figure.getByLabel('Caption').fill('The porch at drop-off')
    await figure.getByRole('button', { name: 'Insert' }).click()
    await figure.waitFor({ state: 'hidden' })
    await expect
      .poll(() => page.getByTestId('report-save-state').innerText(), { timeout: 15_000 })
      .toBe('All changes saved')

    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Export PDF…' }).click()
    await page
      .getByRole('dialog', { name: 'Export the report as PDF' })
      .getByRole('button', { name: 'Export' })
      .click()
    const saved = join(artifactsDir(), 'porch-report.pdf')
    await (await download).saveAs(saved)
    const text = (await readPdf(new Uint8Array(readFileSync(saved)))).pages.join('\n').replace(/\s+/g, ' ')
    expect(text).toContain(`Exhibit E-1 — The porch at drop-off (INCOMPLETE: ${finding})`)
  }, 90_000)
})

describe('a photo imported before images were checked', () => {
  it('is checked the first time it is viewed, and the finding is recorded', async () => {
    // As an older workstation stored it: no image check on the record.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('critical-response-workstation')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const store = open.result.transaction('evidence', 'readwrite').objectStore('evidence')
            const all = store.getAll()
            all.onsuccess = () => {
              for (const item of all.result as Array<{ damage?: unknown }>) {
                delete item.damage
                store.put(item)
              }
              store.transaction.oncomplete = () => {
                open.result.close()
                resolve()
              }
            }
          }
        }),
    )
    await page.reload()
    await queueRows(page).filter({ hasText: CASE_TITLE }).click()
    await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
    expect(await evidenceList().getByTestId('damage-mark').count()).toBe(0)
    await openItem(/^E-1 porch-cut\.jpg/)
    await expect
      .poll(() => viewer().getByTestId('image-condition').innerText())
      .toContain(`This image is incomplete: ${finding}.`)
    await expect
      .poll(custody)
      .toContain(
        `Checked when first viewed, as it had not been checked before; image check: INCOMPLETE — ${finding}`,
      )
    await expect.poll(() => evidenceList().getByTestId('damage-mark').count()).toBe(1)
  })
})
