import { readFileSync } from 'node:fs'
import { readPdf } from '@scripts/lib/pdf-reader'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { addParty, chooseOption, createCase, identifyAs, openSettings } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

// Phones as the app keeps them (E.164), so the text typed below names the stored number.
const SHOPPER = {
  name: 'Luis Ortega',
  phone: '+16145550142',
  email: 'luis.ortega@example.com',
  address: '88 Birch Court, Columbus',
}
const CUSTOMER = {
  name: 'Dana Okafor',
  phone: '+16145550199',
  email: 'dana@example.com',
  address: '14 Alder Lane, Columbus',
}

/** Exports the report for an audience (optionally with a password) and returns the PDF's bytes. */
async function exportFor(audience: string, password?: string): Promise<{ bytes: Uint8Array; name: string }> {
  await page.getByRole('button', { name: 'Export PDF…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export the report as PDF' })
  await chooseOption(page, 'Audience', audience, dialog)
  if (password) {
    await dialog.getByRole('checkbox', { name: 'Protect with a password' }).check()
    await dialog.getByLabel('Password to open').fill(password)
    await dialog.getByLabel('Owner password (full rights)').fill(`${password}-owner`)
  }
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Export' }).click()
  const saved = await download
  return { bytes: new Uint8Array(readFileSync(await saved.path())), name: saved.suggestedFilename() }
}

const textOf = async (bytes: Uint8Array, password?: string) =>
  (await readPdf(bytes, password)).pages.join('\n').replace(/\s+/g, ' ')

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await createCase(page, 'Mailbox knocked down at drop-off')
  await addParty(page, { ...SHOPPER, role: 'Shopper' })
  await addParty(page, { ...CUSTOMER, role: 'Customer' })
  await page.getByRole('tab', { name: 'Report', exact: true }).click()
  await page.getByRole('button', { name: 'Start the report' }).click()
  const editor = page.getByRole('textbox', { name: 'Report text' })
  await editor.locator('h1', { hasText: 'Summary' }).locator('xpath=following-sibling::p[1]').click()
  await page.keyboard.type(`The shopper (call ${SHOPPER.phone}) admitted it.`)
  await page.getByTestId('report-save-state').filter({ hasText: 'All changes saved' }).waitFor()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('exports for an audience', () => {
  it('gives the customer no text of the shopper’s phone, email or address, and logs what was hidden', async () => {
    const { bytes, name } = await exportFor('Customer')
    expect(name).toMatch(/-customer\.pdf$/)
    const text = await textOf(bytes)
    for (const hidden of [SHOPPER.phone, SHOPPER.email, SHOPPER.address]) expect(text).not.toContain(hidden)
    // The customer's own contact details stay; the shopper is still named.
    expect(text).toContain(CUSTOMER.email)
    expect(text).toContain(SHOPPER.name)
    // The last page is the export log: audience, the rules that hid data, the pages' SHA-256.
    const pages = (await readPdf(bytes)).pages
    const last = pages.at(-1)!.replace(/\s+/g, ' ')
    expect(last).toContain('Export log and verification')
    expect(last).toContain('Audience Customer')
    expect(last).toMatch(/shopper phone .*phone of the shopper Luis Ortega 2/)
    expect(last).toMatch(/[0-9a-f]{64}/)
    expect(last).toContain(`Export log, after page ${pages.length - 1}`)
    expect(pages[0]).toContain(`Page 1 of ${pages.length - 1}`)
  })

  it('gives legal all of it', async () => {
    const { bytes } = await exportFor('Legal')
    const text = await textOf(bytes)
    for (const shown of [SHOPPER.phone, SHOPPER.email, SHOPPER.address, CUSTOMER.phone])
      expect(text).toContain(shown)
    expect(text).toContain('Nothing was hidden for this audience.')
  })

  it('protects a PDF with a password: it opens only with it', async () => {
    const { bytes } = await exportFor('Legal', 'harbor-lights-42')
    await expect(readPdf(bytes)).rejects.toThrow(/password/i)
    await expect(readPdf(bytes, 'not-the-password')).rejects.toThrow(/password/i)
    const text = await textOf(bytes, 'harbor-lights-42')
    expect(text).toContain('Mailbox knocked down at drop-off')
    expect(text).toContain('required to open this file')
  })

  it('records the audience and the redaction log on the report version', async () => {
    await page.getByRole('button', { name: 'Versions…' }).click()
    const versions = page.getByRole('dialog', { name: 'Report versions' })
    await expect.poll(() => versions.innerText()).toContain('Customer')
    expect(await versions.innerText()).toMatch(/shopper phone/)
    expect(await versions.innerText()).toContain('password')
    await page.keyboard.press('Escape')
  })

  it('follows the audience’s profile as edited in Settings', async () => {
    await openSettings(page)
    const profiles = page.getByRole('region', { name: 'Redaction profiles' })
    await profiles.getByRole('checkbox', { name: "Hide the shopper's phone" }).uncheck()
    await expect
      .poll(() => profiles.getByRole('checkbox', { name: "Hide the shopper's phone" }).isChecked())
      .toBe(false)
    await page.keyboard.press('Escape')
    const text = await textOf((await exportFor('Customer')).bytes)
    expect(text).toContain(SHOPPER.phone)
    expect(text).not.toContain(SHOPPER.email)
  })
})
