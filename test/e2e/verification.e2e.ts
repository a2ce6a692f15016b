import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { caseWithPhotoAndParties } from './evidence-files'
import { chooseOption } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const tab = (name: string) => page.getByRole('tab', { name, exact: true })
const CLAIM = 'The shopper hit the mailbox'

async function setCell(source: string, stance: string, note = '') {
  await page.getByRole('button', { name: `${CLAIM} — ${source}: `, exact: false }).click()
  const dialog = page.getByRole('dialog', { name: source })
  await dialog.getByRole('radio', { name: stance }).check()
  if (note) await dialog.getByLabel('Note').fill(note)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await caseWithPhotoAndParties(page, 'Mailbox knocked down during delivery', 'mailbox.png')
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('party verification', () => {
  it('records every contact attempt per party, and where each stands', async () => {
    await tab('Verification').click()
    const log = async (party: string, outcome: string) => {
      await page
        .getByRole('region', { name: `Contact attempts with ${party}` })
        .getByRole('button', { name: 'Log attempt' })
        .click()
      const dialog = page.getByRole('dialog', { name: `Contact attempt: ${party}` })
      await chooseOption(page, 'Outcome', outcome, dialog)
      await dialog.getByLabel('Note').fill(`${outcome} on the first try`)
      await dialog.getByRole('button', { name: 'Record attempt' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
    await log('Luis Ortega', 'Statement taken')
    await log('Dana Okafor', 'No answer')
    const luis = page.getByRole('region', { name: 'Contact attempts with Luis Ortega' })
    await expect.poll(() => luis.innerText()).toMatch(/Phone · Statement taken/)
    expect(await luis.innerText()).toContain('Statement taken on the first try')
    expect(
      await page.getByRole('region', { name: 'Contact attempts with Dana Okafor' }).innerText(),
    ).toContain('Not reached (1 attempt)')
  })

  it('sets each claim against every source, with the standard it suggests', async () => {
    const matrix = page.getByRole('region', { name: 'Corroboration matrix' })
    await matrix.getByLabel('A claim to check').fill(CLAIM)
    await matrix.getByRole('button', { name: 'Add claim' }).click()
    await matrix.getByRole('table', { name: 'Claims against sources' }).waitFor()
    const standard = () => matrix.getByTestId('claim-standard').innerText()
    expect(await standard()).toBe('Unsubstantiated')
    await setCell('E-1 mailbox.png', 'Supports', 'Dent visible at the post')
    await setCell('Luis Ortega (shopper) statement', 'Contradicts', 'Says he never reversed')
    expect(await standard()).toBe('Unsubstantiated')
    await setCell('Dana Okafor (customer) statement', 'Supports')
    await expect.poll(standard).toBe('More likely than not')
    expect(await matrix.innerText()).toContain('Dent visible at the post')
    await page.screenshot({ path: 'docs/screenshots/verification.png', animations: 'disabled' })
  })

  it('feeds a determination finding from the claim, with the exhibits that support it', async () => {
    await tab('Determination').click()
    await page
      .getByRole('region', { name: 'Determination for Luis Ortega' })
      .getByRole('button', { name: 'Record determination' })
      .click()
    const dialog = page.getByRole('dialog', { name: /^Determination for Luis Ortega/ })
    await dialog.getByRole('button', { name: 'Add finding from a claim…' }).click()
    await page.getByRole('menuitem', { name: CLAIM }).click()
    expect(await dialog.getByLabel('Finding 1', { exact: true }).inputValue()).toBe(CLAIM)
    expect(await dialog.getByRole('button', { name: /E-1 · mailbox\.png/ }).count()).toBe(1)
    await dialog.getByRole('button', { name: 'Save determination' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('region', { name: 'Determination for Luis Ortega' }).innerText()).toContain(
      `More likely than not: ${CLAIM}`,
    )
  })

  it('inserts the matrix into the report as a table', async () => {
    await tab('Report').click()
    await page.getByRole('button', { name: 'Start the report' }).click()
    const editor = page.getByRole('textbox', { name: 'Report text' })
    await editor.locator('h1', { hasText: 'Findings' }).locator('xpath=following-sibling::p[1]').click()
    await page.getByRole('button', { name: '+ Corroboration matrix' }).click()
    const table = editor.locator('[data-case-table="corroboration"]')
    await table.waitFor()
    const text = await table.innerText()
    expect(text).toContain(CLAIM)
    expect(text).toContain('Supports: Dent visible at the post')
    expect(text).toContain('Contradicts: Says he never reversed')
  })
})
