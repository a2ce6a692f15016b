// Names from outside (a file's, an email's sender, subject and attachment, a chat's sender, a party's,
// a case title) holding direction overrides and control characters: every place they are shown or
// printed is visited, and none lets one through. Each shows the safe form ("_" for each such character).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readPdf } from '@scripts/lib/pdf-reader'
import { isUnshowableChar } from '@shared/untrusted-text'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { drawnPng, pixelsOf } from './evidence-files'
import { addParty, dragAcross, identifyAs } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

/** Whatever reorders a line or is a control, leaving the line breaks and tabs of innerText and files. */
const expectSafe = (text: string, where: string) =>
  expect([...text.replace(/[\r\n\t]/g, '')].filter(isUnshowableChar), where).toEqual([])

const CASE_TITLE = 'Porch photo \u202Egpj.exe\u0007 complaint'
const CASE_TITLE_SHOWN = 'Porch photo _gpj.exe_ complaint'
const PHOTO = 'porch\u202Egnp.exe\u0001\u2067.png'
const PHOTO_SHOWN = 'porch_gnp.exe__.png'
const SENDER = 'Dana\u202Eanad'
const SENDER_SHOWN = 'Dana_anad'
const SUBJECT = 'Refund \u202Ednufer\u0007 now'
const SUBJECT_SHOWN = 'Refund _dnufer_ now'
const ATTACHMENT = 'receipt\u202Efdp.exe'
const ATTACHMENT_SHOWN = 'receipt_fdp.exe'
const CHAT_SENDER = 'Luis\u202Esiul\u0008'
const CHAT_SENDER_SHOWN = 'Luis_siul_'
const PARTY = 'Priya\u2066 Raman\u202E'
const PARTY_SHOWN = 'Priya_ Raman_'

/** An RFC 2047 encoded word: how a mail program puts non-ASCII text in a header. */
const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`

const email = [
  `From: ${encoded(SENDER)} <dana@example.com>`,
  'To: support@example.com',
  `Subject: ${encoded(SUBJECT)}`,
  'Date: Tue, 03 Nov 2026 18:15:00 -0600',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Receipt attached.',
  '--outer',
  'Content-Type: application/octet-stream',
  `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(ATTACHMENT)}`,
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('MZ not really a program').toString('base64'),
  '--outer--',
  '',
].join('\r\n')

const chat = `timestamp,sender,message\n2026-11-03T23:40:00Z,${CHAT_SENDER},On my way\n2026-11-03T23:41:00Z,Customer,Thanks\n`

const evidenceList = () => page.getByRole('list', { name: 'Evidence', exact: true })
const viewer = () => page.getByLabel('Evidence viewer')
const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click()
const panelText = () => page.getByRole('tabpanel').innerText()

/** The file a click downloads, saved under the e2e artifacts. */
async function downloaded(click: () => Promise<void>, name: string): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await click()
  const path = join(artifactsDir(), name)
  await (await download).saveAs(path)
  return path
}

beforeAll(async () => {
  browser = await launchChromium()
  // The analyst works from Los Angeles; the incident happened in Chicago.
  ;({ context, page, pageErrors } = await openApp(browser, { timezoneId: 'America/Los_Angeles' }))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await page.getByRole('button', { name: 'New case' }).click()
  const form = page.getByRole('dialog', { name: 'New case' })
  await form.getByLabel('Title').fill(CASE_TITLE)
  await form.getByLabel('Occurred').fill('2026-11-03T15:42')
  await form.getByLabel('Incident time zone').selectOption('America/Chicago')
  await form.getByText('There it was Nov 3, 2026, 5:42').waitFor()
  await form.getByLabel('Location').fill('14 Elm Street')
  await form.getByRole('button', { name: 'Create case' }).click()
  await form.waitFor({ state: 'hidden' })
  await page.getByTestId('case-header').filter({ hasText: CASE_TITLE_SHOWN }).waitFor()
  await addParty(page, { name: PARTY, role: 'Customer' })

  await tab('Evidence')
  const photo = await drawnPng(page, { width: 400, height: 300, background: '#d32f2f' }, [])
  await page.getByLabel('Evidence files').setInputFiles([
    { name: PHOTO, mimeType: 'image/png', buffer: photo },
    { name: 'statement.eml', mimeType: 'message/rfc822', buffer: Buffer.from(email) },
    { name: 'chat.csv', mimeType: 'text/csv', buffer: Buffer.from(chat) },
  ])
  const imports = page.getByRole('list', { name: 'Evidence imports' })
  // The photo, the email, its attachment and the chat.
  await imports.getByText(/Added as E-4\b/).waitFor({ timeout: 60_000 })
}, 120_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('names with direction overrides and control characters', () => {
  it('are shown safely in the import list, the evidence list, the case header and the queue', async () => {
    const imports = await page.getByRole('list', { name: 'Evidence imports' }).innerText()
    expectSafe(imports, 'import list')
    expect(imports).toContain(PHOTO_SHOWN)
    expect(imports).toContain(`${ATTACHMENT_SHOWN} (attached to E-2)`)
    const list = await evidenceList().innerText()
    expectSafe(list, 'evidence list')
    for (const name of [PHOTO_SHOWN, ATTACHMENT_SHOWN]) expect(list).toContain(name)
    expect(await page.getByTestId('case-header').innerText()).toContain(CASE_TITLE_SHOWN)
    expect(await page.getByTestId('queue-row').first().innerText()).toContain(CASE_TITLE_SHOWN)
    expectSafe(await page.locator('body').innerText(), 'whole window')
  })

  it('are shown safely in the viewer and its chain of custody, for a photo, an email and a chat', async () => {
    await evidenceList().getByRole('button', { name: /^E-1 / }).click()
    await expect.poll(() => viewer().innerText()).toContain(`E-1 · ${PHOTO_SHOWN}`)
    const custody = viewer().getByRole('list', { name: 'Chain of custody' })
    await expect.poll(() => custody.innerText()).toContain(`Imported "${PHOTO_SHOWN}"`)
    // A redaction on the photo: burned into its thumbnail in the report (below).
    await viewer().getByRole('button', { name: 'Redact an area', exact: true }).click()
    const picture = viewer().getByRole('img', { name: PHOTO_SHOWN })
    await picture.evaluate((img: HTMLImageElement) => img.decode())
    await dragAcross(page, picture, [0.5, 0.02], [0.98, 0.98])
    await viewer().getByRole('list', { name: 'Annotations' }).getByText('Redaction on the image').waitFor()
    await viewer().getByRole('button', { name: 'Pan and zoom', exact: true }).click()
    expectSafe(await viewer().innerText(), 'photo viewer')

    await evidenceList()
      .getByRole('button', { name: /^E-2 statement\.eml/ })
      .click()
    const shown = viewer().getByRole('region', { name: 'Email' })
    await expect.poll(() => shown.innerText()).toContain(`${SENDER_SHOWN} <dana@example.com>`)
    expect(await shown.innerText()).toContain(SUBJECT_SHOWN)
    expect(await shown.innerText()).toContain(ATTACHMENT_SHOWN)
    expectSafe(await viewer().innerText(), 'email viewer')

    await evidenceList().getByRole('button', { name: /^E-3 / }).click()
    await expect.poll(() => viewer().innerText()).toContain(`Imported "${ATTACHMENT_SHOWN}"`)
    expectSafe(await viewer().innerText(), 'attachment viewer')

    await evidenceList()
      .getByRole('button', { name: /^E-4 chat\.csv/ })
      .click()
    const messages = viewer().getByTestId('transcript-message')
    await expect.poll(() => messages.first().innerText()).toContain(CHAT_SENDER_SHOWN)
    expectSafe(await viewer().innerText(), 'transcript viewer')
  })

  it('are shown safely on the timeline, the parties tab and the audit tab, old titles included', async () => {
    await tab('Timeline')
    await expect.poll(panelText).toContain(`Exhibit E-1 added: ${PHOTO_SHOWN}`)
    expect(await panelText()).toContain(`added: ${ATTACHMENT_SHOWN}`)
    expectSafe(await panelText(), 'timeline')
    await tab('Parties')
    await expect.poll(panelText).toContain(PARTY_SHOWN)
    expectSafe(await panelText(), 'parties')
    await tab('Audit')
    await expect.poll(panelText).toContain(PHOTO_SHOWN)
    expect(await panelText()).toContain(PARTY_SHOWN)
    expectSafe(await panelText(), 'audit')
  })

  it("are printed safely in the report PDF, which leads the Incident table with the incident's time and place and shows every photo's thumbnail with its redaction", async () => {
    await tab('Report')
    await page.getByRole('button', { name: 'Start the report' }).click()
    await page.getByRole('textbox', { name: 'Report text' }).waitFor()
    const saved = await downloaded(async () => {
      await page.getByRole('button', { name: 'Export PDF…' }).click()
      await page
        .getByRole('dialog', { name: 'Export the report as PDF' })
        .getByRole('button', { name: 'Export' })
        .click()
    }, 'untrusted-names-report.pdf')
    const pdf = await readPdf(new Uint8Array(readFileSync(saved)))
    const text = pdf.pages.join('\n')
    expectSafe(text, 'report PDF')
    // Long names may wrap at their break points: compare without the line breaks.
    const joined = text.replace(/\s+/g, '')
    for (const shown of [
      CASE_TITLE_SHOWN,
      PHOTO_SHOWN,
      ATTACHMENT_SHOWN,
      PARTY_SHOWN,
      `Exhibit E-1 added: ${PHOTO_SHOWN}`,
    ])
      expect(joined).toContain(shown.replace(/\s+/g, ''))
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /Nov 3, 2026, 5:42 PM CST \(America\/Chicago\) — Nov 3, 2026, 3:42 PM PST analyst's time Incident At 14 Elm Street/,
    )

    // The photo is in no figure, yet the evidence index shows it: one picture, red, black where redacted.
    const folder = mkdtempSync(join(artifactsDir(), 'report-images-'))
    execFileSync('pdfimages', ['-png', saved, join(folder, 'image')])
    const images = readdirSync(folder).filter((name) => name.endsWith('.png'))
    expect(images).toHaveLength(1)
    const thumbnail = await pixelsOf(page, readFileSync(join(folder, images[0]!)), [
      [0.25, 0.5],
      [0.75, 0.5],
    ])
    expect([thumbnail.width, thumbnail.height]).toEqual([240, 180])
    const [unredacted, redacted] = thumbnail.colours
    expect(unredacted![0]).toBeGreaterThan(150)
    for (const channel of redacted!) expect(channel).toBeLessThan(20)
  }, 90_000)

  it('are written safely to manifest.csv, exactly (and escaped) to manifest.json, and safely to the metrics CSV', async () => {
    await tab('Evidence')
    const bundle = await downloaded(
      () => page.getByRole('button', { name: 'Export evidence bundle…' }).click(),
      'untrusted-names-evidence.zip',
    )
    const entries = unzipSync(new Uint8Array(readFileSync(bundle)))
    const csv = strFromU8(entries['manifest.csv']!)
    expectSafe(csv, 'manifest.csv')
    const rows = Papa.parse<string[]>(csv.trim()).data
    expect(rows.map((row) => row[1])).toEqual([
      'name',
      PHOTO_SHOWN,
      'statement.eml',
      ATTACHMENT_SHOWN,
      'chat.csv',
    ])
    const json = strFromU8(entries['manifest.json']!)
    expectSafe(json, 'manifest.json')
    expect(json).toContain('\\u202e')
    expect(JSON.parse(json).items.map((item: { name: string }) => item.name)).toEqual([
      PHOTO,
      'statement.eml',
      ATTACHMENT,
      'chat.csv',
    ])

    await page.getByRole('button', { name: 'Dashboard' }).click()
    const dashboard = page.getByRole('dialog', { name: 'Case metrics' })
    await dashboard.getByTestId('dashboard-ready').waitFor()
    await dashboard.getByRole('button', { name: 'All time' }).click()
    const metrics = await downloaded(async () => {
      await dashboard.getByRole('button', { name: 'Export CSV…' }).click()
      await page
        .getByRole('dialog', { name: 'Export the case list' })
        .getByRole('button', { name: 'Export CSV' })
        .click()
    }, 'untrusted-names-cases.csv')
    const cases = readFileSync(metrics, 'utf8').replace(/^\uFEFF/, '')
    expectSafe(cases, 'metrics CSV')
    expect(Papa.parse<Record<string, string>>(cases.trim(), { header: true }).data[0]!.Title).toBe(
      CASE_TITLE_SHOWN,
    )
  }, 90_000)
})
