import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readPdf } from '@scripts/lib/pdf-reader'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { drawnPng, pixelsOf, runScript } from './evidence-files'
import { chooseOption, dragAcross, queueRows, startOnEvidenceTab } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const editor = () => page.getByRole('textbox', { name: 'Report text' })
const saveState = () => page.getByTestId('report-save-state').innerText()

/** A 640×480 photo: a grey porch with a dented mailbox drawn in red. */
const mailboxPhoto = () =>
  drawnPng(page, { width: 640, height: 480, background: '#8a8f98' }, [
    { fill: '#c62828', x: 260, y: 160, width: 140, height: 90 },
    { fill: '#4e342e', x: 320, y: 250, width: 20, height: 200 },
  ])

/** Clicks into the paragraph after the named section heading, as an analyst does, and types at its end. */
async function typeInSection(section: string, text: string) {
  await editor().locator('h1', { hasText: section }).locator('xpath=following-sibling::p[1]').click()
  await page.keyboard.press('End')
  await page.keyboard.type(text)
}

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await startOnEvidenceTab(page, 'Mailbox knocked over at drop-off')
  await page
    .getByLabel('Evidence files')
    .setInputFiles([{ name: 'mailbox.png', mimeType: 'image/png', buffer: await mailboxPhoto() }])
  await page.getByRole('list', { name: 'Evidence imports' }).getByText('Added as E-1 (image/png)').waitFor()
  // A redaction on the photo (the customer's house number, say): burned into the report's figure.
  await page
    .getByRole('list', { name: 'Evidence', exact: true })
    .getByRole('button', { name: /^E-1 mailbox\.png/ })
    .click()
  const viewer = page.getByLabel('Evidence viewer')
  await viewer.getByRole('button', { name: 'Redact an area', exact: true }).click()
  const photo = viewer.getByRole('img', { name: 'mailbox.png' })
  await photo.evaluate((img: HTMLImageElement) => img.decode())
  await dragAcross(page, photo, [0.05, 0.05], [0.3, 0.2])
  await viewer.getByRole('list', { name: 'Annotations' }).getByText('Redaction on the image').waitFor()
  await viewer.getByRole('button', { name: 'Pan and zoom', exact: true }).click()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('the investigation report', () => {
  it('starts from the template for the case category, with every section', async () => {
    await page.getByRole('tab', { name: 'Report', exact: true }).click()
    expect(await page.getByLabel('Template').innerText()).toContain('Property damage')
    await page.getByRole('button', { name: 'Start the report' }).click()
    await editor().waitFor()
    const headings = await editor().locator('h1').allInnerTexts()
    expect(headings).toEqual([
      'Summary',
      'Parties',
      'Incident',
      'Investigation steps',
      'Evidence',
      'Findings',
      'Policy analysis',
      'Determination',
      'Actions taken',
      'Communications',
    ])
    // The evidence table fills from the case, with the exhibit's hash.
    expect(await editor().locator('[data-case-table="evidence"]').innerText()).toContain('mailbox.png')
    // An empty section shows what to write there.
    expect(
      await editor()
        .locator('h1', { hasText: 'Determination' })
        .evaluate((heading) => {
          let next = heading.nextElementSibling
          while (next && next.tagName !== 'P') next = next.nextElementSibling
          return next?.getAttribute('data-placeholder')
        }),
    ).toContain('reimbursement')
  })

  it('keeps what was typed across a reload mid-sentence', async () => {
    await typeInSection('Summary', 'The shopper reversed into the mailbox while leaving.')
    await page.reload()
    await queueRows(page).first().click()
    await page.getByRole('tab', { name: 'Report', exact: true }).click()
    await expect
      .poll(() => editor().innerText())
      .toContain('The shopper reversed into the mailbox while leaving.')
    await expect.poll(saveState).toBe('All changes saved')
  })

  it('refreshes the case tables without touching the text, and mentions parties and policy clauses', async () => {
    await page.getByRole('tab', { name: 'Parties', exact: true }).click()
    await page.getByRole('button', { name: 'Add party' }).click()
    const add = page.getByRole('dialog', { name: 'Add party' })
    await add.getByLabel('Name').fill('Dana Okafor')
    await add.getByRole('button', { name: 'Add party' }).click()
    await add.waitFor({ state: 'hidden' })
    await page.getByRole('tab', { name: 'Report', exact: true }).click()
    const parties = editor().locator('[data-case-table="parties"]')
    expect(await parties.innerText()).toContain('None recorded.')
    await page.getByRole('button', { name: 'Refresh case tables' }).click()
    await expect.poll(() => parties.innerText()).toContain('Dana Okafor')
    expect(await editor().innerText()).toContain('The shopper reversed into the mailbox while leaving.')

    await typeInSection('Investigation steps', 'Called ')
    await page.getByRole('button', { name: '+ Party' }).click()
    const mention = page.getByRole('dialog', { name: 'Mention a party' })
    await mention.getByLabel('Party').click()
    await page.getByRole('option', { name: /^Dana Okafor/ }).click()
    await mention.getByRole('button', { name: 'Insert' }).click()
    await mention.waitFor({ state: 'hidden' })
    await page.keyboard.type(' about ')
    await page.getByRole('button', { name: '+ Policy clause' }).click()
    const clause = page.getByRole('dialog', { name: 'Cite a policy clause' })
    await clause.getByRole('button', { name: 'Insert' }).click()
    expect(await clause.getByRole('alert').innerText()).toBe('Choose a clause from the policy library.')
    // Clauses come from the policy library, found by words.
    await clause.getByLabel('Search clauses').fill('damage delivery')
    await clause
      .getByRole('list', { name: 'Clauses' })
      .getByRole('button', { name: /^PD-1 Damage caused during delivery/ })
      .click()
    await clause.getByRole('button', { name: 'Insert' }).click()
    await clause.waitFor({ state: 'hidden' })
    expect(await editor().locator('[data-chip="partyMention"]').innerText()).toBe('Dana Okafor')
    expect(await editor().locator('[data-chip="policyClause"]').innerText()).toBe(
      'PD-1 Damage caused during delivery',
    )
    // The citation opens the clause from the policy library.
    await editor().locator('[data-chip="policyClause"]').getByRole('button').click()
    const cited = page.getByRole('dialog', { name: 'PD-1 Damage caused during delivery' })
    await cited.getByText('reimbursed at repair or replacement cost', { exact: false }).waitFor()
    await cited.getByRole('button', { name: 'Close' }).click()
    await cited.waitFor({ state: 'detached' })
    await expect.poll(saveState).toBe('All changes saved')
  })

  it('cites an exhibit, shows it as a figure, and redacts a phrase', async () => {
    await typeInSection('Evidence', 'The photo ')
    await page.getByRole('button', { name: '+ Exhibit reference' }).click()
    const reference = page.getByRole('dialog', { name: 'Insert an exhibit reference' })
    await reference.getByLabel('Exhibit').click()
    await page.getByRole('option', { name: /^E-1 · mailbox\.png/ }).click()
    await reference.getByRole('button', { name: 'Insert' }).click()
    await reference.waitFor({ state: 'hidden' })
    await page.keyboard.type(' shows the dented mailbox.')
    await page.getByRole('button', { name: '+ Exhibit figure' }).click()
    const figure = page.getByRole('dialog', { name: 'Insert an exhibit figure' })
    await figure.getByLabel('Exhibit').click()
    await page.getByRole('option', { name: /^E-1 · mailbox\.png/ }).click()
    await figure.getByLabel('Caption').fill('The mailbox after the delivery')
    await figure.getByRole('button', { name: 'Insert' }).click()
    await figure.waitFor({ state: 'hidden' })
    // Typing goes on below the new figure, never over it.
    await page.keyboard.type('Taken by the customer at 18:05.')
    expect(await editor().locator('[data-chip="evidenceReference"]').innerText()).toBe('Exhibit E-1')
    await expect.poll(() => editor().locator('[data-exhibit-figure="E-1"] img').count()).toBe(1)
    expect(
      await editor()
        .locator('[data-exhibit-figure="E-1"]')
        .evaluate(
          (figure) =>
            figure.closest('.react-renderer, [data-node-view-wrapper]')?.nextElementSibling?.textContent ??
            figure.parentElement?.nextElementSibling?.textContent,
        ),
    ).toContain('Taken by the customer at 18:05.')

    await typeInSection('Findings', 'The shopper gave his home number 555-0199 to the customer.')
    // Select the number and redact it.
    await editor()
      .locator('p', { hasText: '555-0199' })
      .evaluate((paragraph) => {
        const text = paragraph.firstChild!
        const start = text.textContent!.indexOf('555-0199')
        const range = document.createRange()
        range.setStart(text, start)
        range.setEnd(text, start + '555-0199'.length)
        const selection = window.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
      })
    await page.getByRole('button', { name: 'Redact' }).click()
    await expect.poll(() => editor().locator('.report-redaction').innerText()).toBe('555-0199')
    await expect.poll(saveState).toBe('All changes saved')
  })

  it('keeps versions and shows what changed between two', async () => {
    await page.getByRole('button', { name: 'Take a snapshot' }).click()
    await expect.poll(() => page.getByText('Snapshot taken.').count()).toBe(1)
    await typeInSection('Actions taken', 'Reimbursement of $180 approved.')
    await expect.poll(saveState).toBe('All changes saved')
    await page.getByRole('button', { name: 'Take a snapshot' }).click()
    await page.getByRole('button', { name: 'Versions…' }).click()
    const versions = page.getByRole('dialog', { name: 'Report versions' })
    const list = versions.getByRole('list', { name: 'Versions' })
    await expect.poll(() => list.getByRole('button').count()).toBe(2)
    await list.getByRole('button', { name: /^Version 1/ }).click()
    await list.getByRole('button', { name: /^Version 2/ }).click()
    const diff = versions.getByTestId('version-diff')
    expect((await diff.locator('ins').allInnerTexts()).join('')).toContain('Reimbursement of $180 approved.')
    expect(await diff.innerText()).toContain('The shopper reversed into the mailbox while leaving.')
    await versions.getByRole('button', { name: 'Close' }).click()
  })

  it('previews the print layout page by page', async () => {
    await page.getByRole('button', { name: 'Preview…' }).click()
    const preview = page.getByRole('dialog', { name: 'Print preview' })
    await expect
      .poll(() => preview.getByTestId('pdf-page').innerText(), { timeout: 30_000 })
      .toMatch(/^Page 1 of \d+$/)
    await preview.getByLabel('Find in PDF').fill('Reimbursement of $180')
    await preview.getByLabel('Find in PDF').press('Enter')
    await expect.poll(() => preview.getByTestId('pdf-found').innerText()).toMatch(/^Found on page \d+$/)
    await preview.getByRole('button', { name: 'Close' }).click()
    await preview.waitFor({ state: 'hidden' })
  })

  it('goes to review and final, which locks the text', async () => {
    await page.getByRole('button', { name: 'Send for review' }).click()
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('In review')
    // Nobody has triaged the case yet (it is New): marking its report final asks first.
    await page.getByRole('button', { name: 'Mark final' }).click()
    const stillNew = page.getByRole('dialog', { name: 'This case is still New' })
    await stillNew.getByRole('button', { name: 'Keep it in review' }).click()
    await stillNew.waitFor({ state: 'hidden' })
    expect(await page.getByTestId('report-status').innerText()).toBe('In review')
    await page.getByRole('button', { name: 'Mark final' }).click()
    await stillNew.getByRole('button', { name: 'Mark final anyway' }).click()
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('Final')
    expect(await editor().getAttribute('contenteditable')).toBe('false')
    // Final and locked, never "Not saved", however long after the autosave delay.
    await expect.poll(saveState).toBe('Final and locked: Amend to change it')
    await page.waitForTimeout(1_000)
    expect(await saveState()).toBe('Final and locked: Amend to change it')
  })

  it('says what changed when a determination changes after the report is final', async () => {
    expect(await page.getByTestId('final-report-changes').count()).toBe(0)
    await page.getByRole('tab', { name: 'Determination', exact: true }).click()
    await page
      .getByRole('region', { name: 'Determination for Dana Okafor' })
      .getByRole('button', { name: 'Record determination' })
      .click()
    const dialog = page.getByRole('dialog', { name: /^Determination for Dana Okafor/ })
    expect(await dialog.getByTestId('final-report-warning').innerText()).toContain(
      'The case’s report is final',
    )
    await chooseOption(page, 'Outcome', 'permanent deactivation', dialog)
    expect(await dialog.getByTestId('still-new-warning').innerText()).toContain('This case is still New')
    await dialog.getByLabel(/^Justification/).fill('Threatened the shopper on the phone.')
    await dialog.getByLabel('Rationale').fill('The threat is on the recorded call.')
    await dialog.getByRole('button', { name: 'Save determination' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('tab', { name: 'Report', exact: true }).click()
    const changes = page.getByTestId('final-report-changes')
    await expect.poll(() => changes.innerText()).toMatch(/^Case changed since version \d+ was finalised/)
    expect(await changes.innerText()).toContain('Determination for Dana Okafor recorded by Riley Chen')
    expect(await saveState()).toBe('Final and locked: Amend to change it')
  })

  it('exports a PDF with cover, contents, sections, the exhibit and its hash, page x of y, and no redacted words', async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByRole('button', { name: 'Export PDF…' }).click()
    await page
      .getByRole('dialog', { name: 'Export the report as PDF' })
      .getByRole('button', { name: 'Export' })
      .click()
    const saved = join(artifactsDir(), 'report.pdf')
    await (await download).saveAs(saved)
    expect((await download).suggestedFilename()).toBe('CR-2026-000001-report-v4.pdf')
    const bytes = new Uint8Array(readFileSync(saved))
    const pdf = await readPdf(bytes)
    const pages = pdf.pages
    expect(pages[0]).toContain('Investigation report')
    expect(pages[0]).toContain('Mailbox knocked over at drop-off')
    expect(pages[0]).toContain('Confidential — Trust & Safety')
    expect(pages[0]).toContain('Final (version 4)')
    expect(pages[1]).toContain('Contents')
    // The report's pages, then the export log (its verification page).
    const reportPages = pages.length - 1
    expect(pages.at(-1)).toContain(`Export log, after page ${reportPages}`)
    pages.slice(0, -1).forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${reportPages}`)
    })
    pages.forEach((text) => {
      expect(text).toContain('CR-2026-000001')
      expect(text).not.toContain('DRAFT')
    })
    const all = pages.join('\n')
    for (const section of ['Summary', 'Findings', 'Policy analysis', 'Determination', 'Communications'])
      expect(all).toContain(section)
    // The contents' page numbers are where each section is.
    const evidencePage = pdf.outline.find((entry) => entry.title === 'Evidence')!.page
    expect(pages[1]).toMatch(new RegExp(`Evidence\\s*${evidencePage}\\b`))
    expect(pages[evidencePage - 1]).toContain('Exhibit E-1')
    expect(all).toContain('The mailbox after the delivery')
    expect(all).toContain('annotated rendering: 1 mark, 1 redaction burned in')
    expect(all).toContain('Taken by the customer at 18:05.')
    // Two pictures: the figure, and the evidence index's thumbnail, the redaction black in it too.
    const images = join(artifactsDir(), 'report-images')
    rmSync(images, { recursive: true, force: true })
    mkdirSync(images)
    execFileSync('pdfimages', ['-png', saved, join(images, 'image')])
    const thumbnail = readdirSync(images)
      .map((name) => readFileSync(join(images, name)))
      .find((png) => png.readUInt32BE(16) === 240)
    expect(readdirSync(images)).toHaveLength(2)
    const shown = await pixelsOf(page, thumbnail!, [[0.15, 0.1]])
    for (const channel of shown.colours[0]!) expect(channel).toBeLessThan(20)
    const item = await page
      .getByRole('tab', { name: 'Evidence', exact: true })
      .click()
      .then(async () => {
        await page
          .getByRole('list', { name: 'Evidence', exact: true })
          .getByRole('button', { name: /^E-1 mailbox\.png/ })
          .click()
        return page.getByLabel('Evidence viewer').innerText()
      })
    const hash = /[0-9a-f]{64}/.exec(item)![0]
    expect(all.replace(/\s+/g, '')).toContain(hash)
    expect(all).toContain('The shopper gave his home number')
    expect(all).toMatch(/Called\s+Dana Okafor\s+about\s+PD-1 Damage caused during delivery/)
    expect(all).not.toContain('555-0199')
    expect(pdf.info.Author).toBe('Riley Chen')
    expect(pdf.info.Title).toBe('CR-2026-000001 — Investigation report')
    expect(pdf.outline.map((entry) => entry.title)).toEqual(expect.arrayContaining(['Summary', 'Findings']))

    // The export is on the version, in the audit and in the exhibit's custody record.
    await expect
      .poll(() =>
        page.getByLabel('Evidence viewer').getByRole('list', { name: 'Chain of custody' }).innerText(),
      )
      .toContain('Exported in report version 4 (CR-2026-000001-report-v4.pdf, PDF SHA-256')
    const { createHash } = await import('node:crypto')
    const pdfHash = createHash('sha256').update(bytes).digest('hex')
    await page.getByRole('tab', { name: 'Audit', exact: true }).click()
    await expect.poll(() => page.getByRole('tabpanel').innerText()).toContain(pdfHash)

    // Page images for the README.
    const shots = join('docs', 'screenshots')
    mkdirSync(shots, { recursive: true })
    for (const old of readdirSync(shots).filter((name) => name.startsWith('report-page-')))
      rmSync(join(shots, old))
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-f',
      '1',
      '-l',
      '3',
      saved,
      join(artifactsDir(), 'report-page'),
    ])
    for (const name of readdirSync(artifactsDir()).filter((file) => /^report-page-\d+\.png$/.test(file)))
      renameSync(join(artifactsDir(), name), join(shots, name.replace(/-0*(\d+)\.png$/, '-$1.png')))
    expect(readdirSync(shots).filter((name) => name.startsWith('report-page-'))).toHaveLength(3)
  }, 90_000)

  it('prints the same report from a case bundle on the command line', async () => {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Import or export cases' }).click()
    await page.getByRole('menuitem', { name: /Export all cases/ }).click()
    const bundle = join(artifactsDir(), 'report-cases.zip')
    await (await download).saveAs(bundle)
    const out = join(artifactsDir(), 'report-from-bundle.pdf')
    const run = (...args: string[]) => runScript('export-report.ts', ...args)
    const printed = await run(bundle, 'CR-2026-000001', out)
    expect(printed.output).toMatch(/Wrote .*report-from-bundle\.pdf: \d+ pages, SHA-256 [0-9a-f]{64}/)
    expect(printed.code).toBe(0)
    const pdf = await readPdf(new Uint8Array(readFileSync(out)))
    const all = pdf.pages.join('\n')
    expect(pdf.pages[0]).toContain('Final (version 4)')
    expect(all).toContain('The mailbox after the delivery')
    expect(all).toContain('annotated rendering: 1 mark, 1 redaction burned in')
    expect(all).not.toContain('555-0199')
    expect(pdf.pages[1]).toMatch(/Findings\s*\d+/)

    const missing = await run(bundle, 'CR-2026-999999', out)
    expect(missing.code).toBe(1)
    expect(missing.output).toContain('CR-2026-999999 is not in this bundle (it holds CR-2026-000001).')
  }, 90_000)
})
