import { readFileSync } from 'node:fs'
import { readPdf } from '@scripts/lib/pdf-reader'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { chooseOption, createCase, identifyAs, openSettings } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const handoffDialog = () => page.getByRole('dialog', { name: 'Shift handoff' })
const notice = () => page.getByRole('region', { name: 'Last shift handoff' })
const NOTE = 'Call Dana back before 10:00 about the garage door estimate.'

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  // A case worked on this shift: assigned, moved to triage.
  await createCase(page, 'Garage door damaged at drop-off')
  await page.getByRole('button', { name: 'Assign to me' }).click()
  await page.getByRole('button', { name: 'Change status' }).click()
  await page.getByRole('menuitem', { name: 'Triage' }).click()
  await page.getByTestId('case-header').filter({ hasText: 'Triage' }).waitFor()
  // An S1 case still new: its first response falls due within the hour.
  await page.getByRole('button', { name: 'New case' }).click()
  const form = page.getByRole('dialog', { name: 'New case' })
  await form.getByLabel('Title').fill('Shopper injured on customer stairs')
  await chooseOption(page, 'Severity', 'S1', form)
  await form.getByRole('button', { name: 'Create case' }).click()
  await form.waitFor({ state: 'hidden' })
  await page.getByRole('button', { name: 'Assign to me' }).click()
  await page
    .getByTestId('case-header')
    .filter({ hasText: 'Shopper injured on customer stairs' })
    .filter({ hasText: 'Assignee: Riley Chen' })
    .waitFor()
  // The clipboard of a headless browser is not readable: keep what the page copies.
  await page.evaluate(() => {
    const copied: string[] = []
    Object.assign(window, { __copied: copied })
    navigator.clipboard.writeText = async (text: string) => {
      copied.push(text)
    }
  })
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('the shift handoff', () => {
  it('summarises the shift, prints to PDF and copies as text', async () => {
    await page.getByRole('button', { name: 'Shift handoff' }).click()
    const dialog = handoffDialog()
    const section = (name: string) => dialog.getByRole('region', { name })
    await expect.poll(() => section('Cases touched').innerText()).toContain('Garage door damaged at drop-off')
    expect(await section('Cases touched').innerText()).toContain('Shopper injured on customer stairs')
    expect(await section('Status changes').innerText()).toMatch(/CR-\d{4}-\d{6}: New → Triage/)
    expect(await section('Open tasks').locator('li').count()).toBeGreaterThan(0)
    expect(await section('SLAs due in the next 12 hours').innerText()).toContain(
      'Shopper injured on customer stairs — due',
    )
    await dialog.getByLabel('Note to the next analyst').fill(NOTE)
    await page.screenshot({ path: 'docs/screenshots/handoff.png', animations: 'disabled' })

    await dialog.getByRole('button', { name: 'Copy as text' }).click()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.length))
      .toBe(1)
    const text = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied[0]!)
    expect(text).toContain('Shift handoff from Riley Chen')
    expect(text).toContain(NOTE)
    expect(text).toMatch(/Status changes:\n- .*New → Triage/)

    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Print to PDF' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^shift-handoff-.*\.pdf$/)
    const pdf = await readPdf(new Uint8Array(readFileSync(await download.path())))
    const printed = pdf.pages.join('\n').replace(/\s+/g, ' ')
    expect(printed).toContain('Shift handoff')
    expect(printed).toContain(NOTE)
    expect(printed).toContain('Garage door damaged at drop-off')
    expect(printed).toContain('SLAs due in the next 12 hours')

    await dialog.getByRole('button', { name: 'Save handoff' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('shows the last handoff note on the next start, until it is dismissed; the next analyst sees it too', async () => {
    await page.reload()
    await notice().waitFor()
    expect(await notice().getByTestId('handoff-note').innerText()).toBe(NOTE)
    expect(await notice().innerText()).toContain('Handoff from Riley Chen')
    await notice().getByRole('button', { name: 'Show summary' }).click()
    await expect.poll(() => notice().innerText()).toContain('Shopper injured on customer stairs')
    await notice().getByRole('button', { name: 'Dismiss' }).click()
    await notice().waitFor({ state: 'hidden' })
    await page.reload()
    await page.getByTestId('case-header').or(page.getByText('Select a case in the queue')).first().waitFor()
    expect(await notice().count()).toBe(0)

    // Another analyst starts on this workstation.
    await openSettings(page)
    await page.getByLabel('Your name').fill('Sam Patel')
    await page.getByLabel('Analyst ID').fill('analyst-022')
    await page.getByRole('button', { name: 'Save analyst' }).click()
    // Saved before the page goes: the next start reads who is working from the database.
    await page.getByText('Analyst saved.').waitFor()
    await page.keyboard.press('Escape')
    await page.reload()
    await notice().waitFor()
    expect(await notice().getByTestId('handoff-note').innerText()).toBe(NOTE)
  })
})
