import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@web-host/chromium'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

export const webHostUrl = (): string => inject('webHostUrl')

/** Where e2e runs leave files (downloads) that a test reads back. */
export function artifactsDir(): string {
  const dir = resolve('.e2e-artifacts')
  mkdirSync(dir, { recursive: true })
  return dir
}

/**
 * A fresh browser profile (its own IndexedDB) with the app open. Errors on the page fail the test:
 * a user would see a broken app.
 */
export async function openApp(
  browser: Browser,
  options: {
    /** Start the page's clock here; the test moves it with `page.clock` (SLA timing). */
    clockAt?: Date
    /** Runs in the page before the app (test doubles of the OS: notifications, mail client). */
    initScript?: () => void
    permissions?: string[]
    /** The analyst's time zone (an IANA name); the machine's own when not given. */
    timezoneId?: string
    /** The window's size; a 1600 × 1000 desktop unless given. */
    viewport?: { width: number; height: number }
  } = {},
): Promise<{ context: BrowserContext; page: Page; pageErrors: Error[] }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    timezoneId: options.timezoneId,
  })
  if (options.permissions) await context.grantPermissions(options.permissions)
  if (options.clockAt) await context.clock.install({ time: options.clockAt })
  if (options.initScript) await context.addInitScript(options.initScript)
  const page = await context.newPage()
  const pageErrors: Error[] = []
  page.on('pageerror', (error) => pageErrors.push(error))
  await page.goto(webHostUrl())
  return { context, page, pageErrors }
}
