import { QUEUE_VIEWS } from '@db/repositories/queue-views'
import { SETTINGS_SECTIONS } from '@workspace/settings-sections'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { addParty, createCase, identifyAs } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
  'base64',
)

/**
 * Every command that applies with a case open (no exhibit chosen, the evidence pane shown, no queue
 * filter, not a lead on a team server).
 */
const CASE_OPEN_COMMANDS = [
  'Search cases',
  'Toggle light/dark theme',
  'New case',
  'Case metrics dashboard',
  'Write the shift handoff',
  ...QUEUE_VIEWS.map(({ label }) => `Queue view: ${label}`),
  'Assign the open case to me',
  'Change the status of the open case',
  'Edit the case details (title, category, severity, order, tags)',
  'Add a party',
  'Add a task',
  'Add a note',
  'Add a timeline event',
  'Log a call',
  'Compose an email',
  'Log a contact attempt…',
  'Record a determination…',
  'Add evidence files…',
  'Export the evidence bundle…',
  'Export the report as PDF…',
  'Preview the report…',
  'Take a snapshot of the report',
  'Report versions…',
  'Import case bundle…',
  'Export this case…',
  'Export all cases…',
  'Settings',
  ...SETTINGS_SECTIONS.map((section) => `Settings: ${section}`),
  'Keyboard shortcuts',
  'Command palette',
  'About Critical Response Workstation',
]

const palette = () => page.getByRole('dialog', { name: 'Command palette' })

async function openPalette(): Promise<void> {
  await page.keyboard.press('Control+k')
  await palette().waitFor()
}

/** Runs the one command whose title holds `words`, from the palette. */
async function runFromPalette(words: string): Promise<void> {
  await openPalette()
  await palette().getByRole('combobox', { name: 'Command' }).fill(words)
  await expect.poll(() => palette().getByRole('option').count()).toBe(1)
  await page.keyboard.press('Enter')
  await palette().waitFor({ state: 'hidden' })
}

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await createCase(page, 'Doorbell footage dispute')
  await addParty(page, { name: 'Dana Okafor', role: 'Customer' })
  await page.getByRole('tab', { name: 'Overview', exact: true }).click()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('the command registry', () => {
  it('lists in the palette every command that applies to the open case', async () => {
    await openPalette()
    const listed = await palette().getByRole('option').allInnerTexts()
    // An option shows the command's shortcut after its title.
    const titles = listed.map((text) => text.split('\n')[0]!.trim())
    expect([...titles].sort()).toEqual([...CASE_OPEN_COMMANDS].sort())
    expect(listed.find((text) => text.startsWith('Change the status'))).toMatch(/\ns$/)
    expect(listed.find((text) => text.startsWith('Command palette'))).toMatch(/\nCtrl\+K$/)
    await page.keyboard.press('Escape')
    await palette().waitFor({ state: 'hidden' })

    // The "?" sheet lists the same shortcuts, after the keys that move around.
    await page.locator('body').click({ position: { x: 5, y: 700 } })
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => sheet.innerText()).toContain('Next case in the queue')
    for (const title of ['Search cases', 'New case', 'Assign the open case to me', 'Command palette'])
      expect(await sheet.innerText()).toContain(title)
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'hidden' })
  })

  it('adds evidence from the palette: the Evidence tab, then the file picker', async () => {
    const chooser = page.waitForEvent('filechooser')
    await runFromPalette('add evidence')
    await (await chooser).setFiles([{ name: 'doorbell.png', mimeType: 'image/png', buffer: PNG }])
    await expect
      .poll(() => page.getByRole('tab', { name: 'Evidence', exact: true }).getAttribute('aria-selected'))
      .toBe('true')
    await expect
      .poll(() => page.getByRole('list', { name: 'Evidence imports' }).innerText())
      .toContain('Added as E-1')
  })

  it('records a determination from the palette, for the party still undecided', async () => {
    await runFromPalette('record a determination')
    const dialog = page.getByRole('dialog', { name: /^Determination for Dana Okafor/ })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('exports the report as PDF from the palette: the export dialog', async () => {
    await page.getByRole('tab', { name: 'Report', exact: true }).click()
    await page.getByRole('button', { name: 'Start the report' }).click()
    await page.getByRole('button', { name: 'Export PDF…' }).waitFor()
    await page.getByRole('tab', { name: 'Overview', exact: true }).click()
    await runFromPalette('export the report')
    const dialog = page.getByRole('dialog', { name: 'Export the report as PDF' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })
})
