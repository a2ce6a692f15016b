import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { identifyAs, openSettings } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]
const section = () => page.getByRole('region', { name: 'Policy library' })

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await openSettings(page)
})

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('the policy library', () => {
  it('ships the example set, labelled as an example, and finds a clause by words or by id', async () => {
    await expect
      .poll(() => section().getByRole('list', { name: 'Policies' }).innerText())
      .toContain('Customer code of conduct (example)')
    expect(await section().getByText('example', { exact: true }).count()).toBe(6)
    await section().getByLabel('Search clauses').fill('threat')
    const matches = section().getByRole('list', { name: 'Matching clauses' })
    await matches.getByRole('button', { name: /^CC-2 Threats and intimidation/ }).click()
    await expect
      .poll(() => section().getByRole('region', { name: 'Clause CC-2' }).innerText())
      .toContain('Threatening a shopper with harm')
    await section().getByLabel('Search clauses').fill('ALC-1')
    expect(await matches.getByRole('button').allInnerTexts()).toEqual([
      expect.stringContaining('ALC-1 Identification at hand-off'),
    ])
  })

  it('exports a policy as Markdown and imports an edited version; a broken file is refused with the reason', async () => {
    const downloading = page.waitForEvent('download')
    await section().getByRole('button', { name: 'Export Customer code of conduct (example)' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('customer-code-of-conduct.md')
    const path = join(artifactsDir(), download.suggestedFilename())
    await download.saveAs(path)
    const markdown = readFileSync(path, 'utf8')
    expect(markdown).toContain('## CC-2 Threats and intimidation')

    const edited = markdown
      .replace('title: Customer code of conduct (example)', 'title: Customer code of conduct')
      .replace('version: 1', 'version: 2')
      .replace('example: true', 'example: false')
      .replace('## CC-3 Harassment and unwanted contact', '## CC-3 Harassment, stalking and unwanted contact')
    const importFile = async (name: string, text: string) => {
      const chooser = page.waitForEvent('filechooser')
      await section().getByRole('button', { name: 'Import policy…' }).click()
      await (await chooser).setFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) })
    }
    await importFile(
      'broken.md',
      edited.replace('Outcomes: warning, temporary_suspension', 'Outcomes: public_shaming'),
    )
    await expect
      .poll(() => section().getByRole('alert').last().innerText())
      .toMatch(/broken\.md was not imported: The policy is not valid: clauses\.1\.allowedOutcomes\.0/)
    await importFile('customer-code-of-conduct.md', edited)
    await page.getByText('Imported Customer code of conduct (version 2, 3 clauses).').waitFor()
    const policies = section().getByRole('list', { name: 'Policies' })
    await expect.poll(() => policies.innerText()).toMatch(/Customer code of conduct\s+Version 2/)
    expect(await section().getByText('example', { exact: true }).count()).toBe(5)
    await section().getByLabel('Search clauses').fill('stalking')
    await section()
      .getByRole('list', { name: 'Matching clauses' })
      .getByRole('button', { name: /^CC-3 Harassment, stalking and unwanted contact/ })
      .waitFor()

    // It stays after a reload.
    await page.reload()
    await openSettings(page)
    await expect
      .poll(() => section().getByRole('list', { name: 'Policies' }).innerText())
      .toMatch(/Customer code of conduct\s+Version 2/)
  })

  it('shows the outcome matrix and keeps the team’s own entry for a clause and severity', async () => {
    const matrix = page.getByRole('region', { name: 'Outcome matrix' })
    const cell = (name: RegExp) => matrix.getByRole('button', { name })
    await cell(/^PD-1 at S3: reimbursement, education, warning$/).click()
    const dialog = page.getByRole('dialog', { name: 'PD-1 at S3' })
    await dialog.getByRole('checkbox', { name: 'reimbursement' }).uncheck()
    await dialog.getByRole('checkbox', { name: 'education' }).uncheck()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await cell(/^PD-1 at S3: warning \(team\)$/).waitFor()

    await page.reload()
    await openSettings(page)
    await cell(/^PD-1 at S3: warning \(team\)$/).click()
    await page
      .getByRole('dialog', { name: 'PD-1 at S3' })
      .getByRole('button', { name: 'Use the default' })
      .click()
    await cell(/^PD-1 at S3: reimbursement, education, warning$/).waitFor()
  })
})
