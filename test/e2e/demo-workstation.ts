import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { launchChromium, openApp } from './browser'
import { identifyAs, loadDemoData, openSettings } from './workstation'

export interface DemoWorkstation {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Closes everything; errors the page threw meanwhile fail the test file (a user would see them). */
  close(): Promise<void>
}

/** A browser with the app open as Riley Chen over the 500-case demo dataset, for a file's tests. */
export async function openDemoWorkstation(): Promise<DemoWorkstation> {
  const browser = await launchChromium()
  const { context, page, pageErrors } = await openApp(browser)
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await openSettings(page)
  await loadDemoData(page, 500)
  await page.keyboard.press('Escape')
  return {
    browser,
    context,
    page,
    async close() {
      expect(pageErrors).toEqual([])
      await context.close()
      await browser.close()
    },
  }
}
