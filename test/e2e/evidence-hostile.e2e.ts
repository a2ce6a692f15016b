import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileEvidenceFiles } from '../fixtures/hostile-evidence'
import { artifactsDir, launchChromium, openApp } from './browser'
import { startOnEvidenceTab } from './workstation'

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
  await startOnEvidenceTab(page, 'Files from a hostile sender')
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('broken and hostile evidence files', () => {
  const files = hostileEvidenceFiles()

  it('imports each with a clear outcome, never running anything in it', async () => {
    // Chosen from disk, as an analyst would: a buffer of tens of MB sent through the
    // DevTools protocol can take longer than the whole import on a loaded machine.
    const folder = mkdtempSync(join(artifactsDir(), 'hostile-files-'))
    const paths = files.map((file) => {
      const path = join(folder, file.name)
      writeFileSync(path, file.bytes)
      return path
    })
    await page.getByLabel('Evidence files').setInputFiles(paths, { timeout: 120_000 })
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

describe('an email as evidence', () => {
  const email = [
    'From: "Dana Okafor" <dana@example.com>',
    'To: support@example.com',
    'Subject: Photos of the door',
    'Date: Tue, 24 Nov 2026 10:15:00 -0500',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The shopper scratched the door. Statement attached.',
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>The shopper <b>scratched</b> the door.</p><img src="https://tracker.example.net/pixel.gif"><a href="javascript:alert(6)">see photos</a><script>alert(7)</script>',
    '--inner--',
    '--outer',
    'Content-Type: text/plain; name="statement.txt"',
    'Content-Disposition: attachment; filename="statement.txt"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('I saw the shopper lean the cart on the door.').toString('base64'),
    '--outer--',
    '',
  ].join('\r\n')

  it('shows headers and bodies safely and imports the attachment as its own exhibit', async () => {
    const remote: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1') && !request.url().startsWith('blob:'))
        remote.push(request.url())
    })
    await page.getByRole('button', { name: 'Clear finished' }).click()
    await page
      .getByLabel('Evidence files')
      .setInputFiles([{ name: 'door-photos.eml', mimeType: 'message/rfc822', buffer: Buffer.from(email) }])
    const imports = page.getByRole('list', { name: 'Evidence imports' })
    await expect
      .poll(() => imports.innerText())
      .toMatch(/door-photos\.eml[\s\S]*Added as E-10 \(message\/rfc822\)/)
    await expect
      .poll(() => imports.innerText())
      .toMatch(/statement\.txt \(attached to E-10\)[\s\S]*Added as E-11 \(text\/plain\)/)

    const list = page.getByRole('list', { name: 'Evidence', exact: true })
    await expect
      .poll(() => list.getByRole('button', { name: /^E-11 statement\.txt/ }).innerText())
      .toContain('Attached to E-10')
    await list.getByRole('button', { name: /^E-10 door-photos\.eml/ }).click()
    const shown = page.getByLabel('Evidence viewer').getByRole('region', { name: 'Email' })
    await expect.poll(() => shown.innerText()).toMatch(/From\s+Dana Okafor <dana@example\.com>/)
    await expect.poll(() => shown.innerText()).toMatch(/Subject\s+Photos of the door/)
    // Like every other time in the app (in the analyst's zone), not the header's UTC text.
    expect(await shown.innerText()).toMatch(/Date\s+Nov 2[45], 2026, \d{1,2}:15\s(AM|PM)/)
    expect(await shown.getByTestId('email-text').innerText()).toContain('The shopper scratched the door.')
    await shown.getByRole('button', { name: 'HTML (safe view)' }).click()
    const html = shown.getByTestId('email-html')
    await expect.poll(() => html.innerText()).toContain('scratched')
    expect(await html.locator('script').count()).toBe(0)
    expect(
      await html.locator('img').evaluateAll((images) => images.map((img) => img.getAttribute('src'))),
    ).toEqual([null])
    const link = html.getByText('see photos')
    expect(await link.getAttribute('href')).toBeNull()
    expect(await link.getAttribute('title')).toBe('Link to javascript:alert(6) (not followed)')
    await link.click()
    expect(dialogs).toEqual([])
    expect(remote).toEqual([])
  })

  it('refuses a file over 2 GiB by its size, and cancels a large import while it is being hashed', async () => {
    // Sparse files: gigabytes on the file system without writing them, handed to Chromium by path.
    const sparse = (name: string, size: number) => {
      const path = join(artifactsDir(), name)
      const handle = openSync(path, 'w')
      ftruncateSync(handle, size)
      closeSync(handle)
      return path
    }
    const imports = page.getByRole('list', { name: 'Evidence imports' })
    const list = page.getByRole('list', { name: 'Evidence', exact: true })
    const itemsBefore = await list.getByRole('button').count()
    const line = (name: string) => imports.getByTestId('evidence-import').filter({ hasText: name })
    await page.getByLabel('Evidence files').setInputFiles(sparse('dashcam-full.mp4', 2 * 1024 ** 3 + 1))
    await expect
      .poll(() => line('dashcam-full.mp4').innerText())
      .toContain(
        '2,147,483,649 bytes is over the 2,147,483,648 bytes limit for one evidence file (Settings → Evidence).',
      )

    await page.getByLabel('Evidence files').setInputFiles(sparse('dashcam-1.mp4', 1.5 * 1024 ** 3))
    const progress = imports.getByRole('progressbar', { name: 'Importing dashcam-1.mp4' })
    await expect.poll(() => progress.getAttribute('aria-valuenow').then(Number)).toBeGreaterThan(0)
    await imports.getByRole('button', { name: 'Cancel dashcam-1.mp4' }).click()
    await expect.poll(() => line('dashcam-1.mp4').innerText()).toBe('dashcam-1.mp4 · 1.5 GB\nCancelled')
    expect(await list.getByRole('button').count()).toBe(itemsBefore)
  }, 60_000)
})
