import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileEvidenceFiles } from '../fixtures/hostile-evidence'
import { launchChromium, openApp } from './browser'
import { createCase, identifyAs } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]
const dialogs: Dialog[] = []

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  // An alert() from any of the files would surface here: none may ever run.
  page.on('dialog', (dialog) => {
    dialogs.push(dialog)
    void dialog.dismiss()
  })
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await createCase(page, 'Files from a hostile sender')
  await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('broken and hostile evidence files', () => {
  const files = hostileEvidenceFiles()

  it('imports each with a clear outcome, never running anything in it', async () => {
    await page
      .getByLabel('Evidence files')
      .setInputFiles(
        files.map((file) => ({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes })),
      )
    const imports = page.getByRole('list', { name: 'Evidence imports' })
    await expect
      .poll(
        () =>
          imports
            .getByTestId('evidence-import')
            .filter({ hasText: /Added as|Not imported/ })
            .count(),
        {
          timeout: 120_000,
        },
      )
      .toBe(files.length)
    const lines = await imports.getByTestId('evidence-import').allInnerTexts()
    for (const [index, file] of files.entries()) expect(lines[index]).toMatch(file.imported)
  }, 180_000)

  it('shows each one safely: a message, its text, or its bytes', async () => {
    const list = page.getByRole('list', { name: 'Evidence', exact: true })
    const viewer = page.getByLabel('Evidence viewer')
    for (const [index, file] of files.entries()) {
      const row = list.getByRole('button', { name: new RegExp(`^E-${index + 1} `) })
      if (file.shownName) expect(await row.innerText()).toContain(file.shownName)
      await row.click()
      await expect
        .poll(() => viewer.innerText(), { message: file.name })
        .toMatch(
          typeof file.viewer === 'string'
            ? new RegExp(file.viewer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            : file.viewer,
        )
    }
    expect(dialogs.map((dialog) => dialog.message())).toEqual([])
  }, 120_000)
})
