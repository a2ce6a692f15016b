import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { caseWithPhotoAndParties } from './evidence-files'
import { chooseOption, loadDemoData, openSettings } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const tab = (name: string) => page.getByRole('tab', { name, exact: true })
const card = (party: string) => page.getByRole('region', { name: `Determination for ${party}` })
const dialog = () => page.getByRole('dialog', { name: /^Determination for/ })

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await caseWithPhotoAndParties(page, 'Garage door struck during delivery', 'garage.png')
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('determinations', () => {
  it('records findings citing evidence, shows the matrix recommendation, and asks for a justification outside it', async () => {
    await tab('Determination').click()
    await card('Luis Ortega').getByRole('button', { name: 'Record determination' }).click()
    await dialog().getByRole('button', { name: 'Add finding' }).click()
    await dialog().getByLabel('Finding 1', { exact: true }).fill('The shopper reversed into the garage door.')
    await dialog().getByRole('combobox', { name: 'Evidence for finding 1' }).click()
    await page.getByRole('option', { name: /^E-1 · garage\.png/ }).click()
    await chooseOption(page, 'Standard of finding 1', 'Confirmed', dialog())

    // No clause violated yet: the matrix recommends no action or education.
    const recommendation = dialog().getByTestId('outcome-recommendation')
    expect(await recommendation.innerText()).toContain('no clause violated')
    await dialog().getByRole('combobox', { name: 'Consider a clause' }).fill('PD-1')
    await page.getByRole('option', { name: /^PD-1 Damage caused during delivery/ }).click()
    await dialog().getByRole('switch', { name: 'PD-1 violated' }).check()
    await expect
      .poll(() => recommendation.innerText())
      .toContain('Recommended for S3 with PD-1 violated: reimbursement, education, warning')

    // A suspension is outside the recommendation: saving asks why.
    await chooseOption(page, 'Outcome', 'temporary suspension', dialog())
    await dialog().getByLabel('Days').fill('14')
    await dialog()
      .getByLabel('Rationale')
      .fill('Damage confirmed by the photo and the shopper’s own account.')
    await dialog().getByRole('button', { name: 'Save determination' }).click()
    expect(await dialog().getByRole('alert').innerText()).toContain(
      'The outcome is outside the recommended ones: say why in the justification.',
    )
    await dialog()
      .getByLabel(/^Justification/)
      .fill('Second property damage incident on this account in a month.')
    await dialog().getByRole('button', { name: 'Save determination' }).click()
    await dialog().waitFor({ state: 'hidden' })

    const shopper = card('Luis Ortega')
    expect(await shopper.getByTestId('determination-outcome').innerText()).toBe(
      'temporary suspension (14 days)',
    )
    expect(await shopper.innerText()).toContain('Outside the recommendation')
    expect(await shopper.innerText()).toContain('Confirmed: The shopper reversed into the garage door.')
    expect(await shopper.innerText()).toContain('PD-1 violated')
  })

  it('asks for a lead’s approval of a reimbursement above the threshold, recorded with the approver’s name', async () => {
    await card('Dana Okafor').getByRole('button', { name: 'Record determination' }).click()
    await dialog().getByRole('combobox', { name: 'Consider a clause' }).fill('PD-2')
    await page.getByRole('option', { name: /^PD-2/ }).click()
    await chooseOption(page, 'Outcome', 'reimbursement', dialog())
    await dialog().getByLabel('Amount').fill('420')
    await chooseOption(page, 'Currency', 'CAD', dialog())
    await expect
      .poll(() => dialog().innerText())
      .toContain('A reimbursement above 250 needs a lead’s approval')
    await dialog()
      .getByLabel(/^Justification/)
      .fill('The customer is owed the repair the shopper caused, under PD-1.')
    await dialog().getByLabel('Rationale').fill('Repair estimate on file.')
    await dialog().getByRole('button', { name: 'Save determination' }).click()
    await dialog().waitFor({ state: 'hidden' })

    const customer = card('Dana Okafor')
    expect(await customer.innerText()).toContain('Needs lead approval')
    await customer.getByRole('button', { name: 'Record lead approval…' }).click()
    const approval = page.getByRole('dialog', { name: 'Record lead approval' })
    await approval.getByLabel('Approving lead').fill('Morgan Lee')
    await approval.getByRole('button', { name: 'Record approval' }).click()
    await approval.waitFor({ state: 'hidden' })
    await expect.poll(() => customer.innerText()).toContain('Lead approved')
    expect(await customer.innerText()).toContain('Approved by Morgan Lee')

    // Changing the outcome withdraws the approval.
    await customer.getByRole('button', { name: 'Edit determination' }).click()
    await dialog().getByLabel('Amount').fill('480')
    await dialog().getByRole('button', { name: 'Save determination' }).click()
    await dialog().waitFor({ state: 'hidden' })
    await expect.poll(() => customer.innerText()).toContain('Needs lead approval')
    expect(await customer.innerText()).not.toContain('Approved by Morgan Lee')
  })

  it('flows into the report’s Findings, Policy analysis and Determination sections', async () => {
    await tab('Report').click()
    await page.getByRole('button', { name: 'Start the report' }).click()
    const editor = page.getByRole('textbox', { name: 'Report text' })
    await editor.waitFor()
    const table = (source: string) => editor.locator(`[data-case-table="${source}"]`)
    expect(await table('findings').innerText()).toContain('The shopper reversed into the garage door.')
    expect(await table('findings').innerText()).toContain('E-1')
    expect(await table('clauses').innerText()).toContain('PD-1 Damage caused during delivery')
    const determination = await table('determinations').innerText()
    expect(determination).toContain('temporary suspension (14 days)')
    expect(determination).toContain(
      'Outside the recommended outcomes because: Second property damage incident on this account in a month.',
    )
    expect(determination).toContain('reimbursement of 480.00 CAD')
  })

  it('shows how similar past cases were decided, and opens one', async () => {
    await openSettings(page)
    await loadDemoData(page, 500)
    await page.keyboard.press('Escape')
    await tab('Determination').click()
    const similar = page.getByRole('region', { name: 'Similar past cases' })
    await expect
      .poll(() => similar.innerText(), { timeout: 20_000 })
      .toMatch(/\d+ past decisions? on property damage cases that found PD-1 violated/)
    expect(await similar.getByLabel('Outcome distribution').innerText()).toMatch(/\d+% \(\d+\)/)
    await page.screenshot({ path: 'docs/screenshots/determination.png', animations: 'disabled' })
    const first = similar.getByRole('button').first()
    const caseNumber = (await first.innerText()).split(' · ')[0]!
    await first.click()
    await expect.poll(() => page.getByTestId('case-header').innerText()).toContain(caseNumber)
  })
})
