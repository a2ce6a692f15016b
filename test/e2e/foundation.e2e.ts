import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { identifyAs, loadDemoData, openSettings, queueRows } from './workstation'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** The text once it stops changing (live queries fill parts of a section in after the rest). */
async function settledText(locator: Locator): Promise<string> {
  let previous = await locator.innerText()
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const current = await locator.innerText()
    if (current === previous) return current
    previous = current
  }
}

async function openCase(page: Page, caseNumber: string): Promise<void> {
  await page.locator(`[data-testid="queue-row"][data-case-number="${caseNumber}"]`).click()
  await expect.poll(() => page.getByTestId('case-header').innerText()).toContain(caseNumber)
}

describe('foundation: an analyst with an empty workstation', () => {
  it('loads the demo dataset, opens a case, finds it again after a reload, and moves cases to a fresh profile', async () => {
    const { context, page, pageErrors } = await openApp(browser)
    await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })

    // An empty queue explains itself.
    await expect.poll(() => page.getByText('No cases yet').isVisible()).toBe(true)

    await openSettings(page)
    await loadDemoData(page, 500)
    await page.keyboard.press('Escape')

    const rows = queueRows(page)
    await expect.poll(() => rows.count()).toBeGreaterThan(5)
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toContain('500')

    const firstRow = rows.first()
    const caseNumber = (await firstRow.getAttribute('data-case-number'))!
    expect(caseNumber).toMatch(/^CR-\d{4}-\d{6}$/)
    const rowText = await firstRow.innerText()
    await openCase(page, caseNumber)
    const header = await page.getByTestId('case-header').innerText()
    expect(header).toContain(rowText.split('\n').find((line) => line.length > 20) ?? '')

    // Parties of the case are on the Parties tab.
    await page.getByRole('tab', { name: 'Parties' }).click()
    await expect.poll(() => page.getByTestId('case-parties').innerText()).toMatch(/customer[\s\S]*shopper/i)
    // Each party's prior cases arrive after the party itself: wait for both accounts' lines.
    await expect.poll(() => page.getByText(/on this account/).count()).toBeGreaterThanOrEqual(2)
    const parties = await settledText(page.getByTestId('case-parties'))

    await page.screenshot({ path: 'docs/screenshots/main-window.png', animations: 'disabled' })

    // Real IndexedDB persistence: reload and the same case is there with the same parties.
    await page.reload()
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toContain('500')
    await openCase(page, caseNumber)
    await page.getByRole('tab', { name: 'Parties' }).click()
    await expect.poll(() => page.getByTestId('case-parties').innerText()).toBe(parties)

    // Export every case as a bundle (a download in the web host).
    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Import or export cases' }).click()
    await page.getByRole('menuitem', { name: /Export all cases/ }).click()
    const download = await downloadPromise
    const bundlePath = join(artifactsDir(), download.suggestedFilename())
    await download.saveAs(bundlePath)
    expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.zip$/)
    expect(readFileSync(bundlePath).subarray(0, 2).toString()).toBe('PK')

    expect(pageErrors).toEqual([])
    await context.close()

    // A fresh profile: nothing there until the bundle is imported.
    const fresh = await openApp(browser)
    await identifyAs(fresh.page, { name: 'Sam Ortiz', id: 'analyst-042' })
    await expect.poll(() => fresh.page.getByText('No cases yet').isVisible()).toBe(true)
    const chooser = fresh.page.waitForEvent('filechooser')
    await fresh.page.getByRole('button', { name: 'Import or export cases' }).click()
    await fresh.page.getByRole('menuitem', { name: /Import case bundle/ }).click()
    await (await chooser).setFiles(bundlePath)
    await expect
      .poll(() => fresh.page.getByText(/Imported 500 cases/).isVisible(), { timeout: 60_000 })
      .toBe(true)
    await expect.poll(() => fresh.page.getByTestId('queue-count').innerText()).toContain('500')
    await openCase(fresh.page, caseNumber)
    await fresh.page.getByRole('tab', { name: 'Parties' }).click()
    await expect.poll(() => fresh.page.getByTestId('case-parties').innerText()).toBe(parties)
    expect(fresh.pageErrors).toEqual([])
    await fresh.context.close()
  })

  it('refuses a damaged bundle with a clear message and imports nothing', async () => {
    const { context, page, pageErrors } = await openApp(browser)
    await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import or export cases' }).click()
    await page.getByRole('menuitem', { name: /Import case bundle/ }).click()
    await (await chooser).setFiles({
      name: 'cases.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('PK\u0003\u0004 not really a zip'),
    })
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/not a zip|truncated|damaged/i)
    await expect.poll(() => page.getByText('No cases yet').isVisible()).toBe(true)
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
