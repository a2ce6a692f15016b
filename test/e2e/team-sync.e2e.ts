import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkCaseAuditExport } from '@shared/protocol/sync/check-audit-export'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { startTeamServer, TEAM_PASSWORD } from './team-server'
import { createCase, identifyAs, openSettings, queueRows } from './workstation'

let browser: Browser
let server: Awaited<ReturnType<typeof startTeamServer>>
const stations: { context: BrowserContext; page: Page; pageErrors: Error[] }[] = []
let lee: Page
let riley: Page

async function signIn(page: Page, username: string) {
  await openSettings(page)
  const form = page.getByRole('form', { name: 'Sign in to a team server' })
  await form.getByLabel('Server address').fill(server.url)
  await form.getByLabel('User name').fill(username)
  await form.getByLabel('Password').fill(TEAM_PASSWORD)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText(`Signed in to ${server.url}`).waitFor()
  // The web host holds the token in its own process only, and Settings says so.
  await page
    .getByTestId('sign-in-kept')
    .filter({ hasText: 'Your sign-in is kept in memory only: the web host keeps it in its own process' })
    .waitFor()
  await page.keyboard.press('Escape')
  await page.getByRole('heading', { name: 'Settings' }).waitFor({ state: 'hidden' })
}

const syncStatus = (page: Page) => page.getByRole('button', { name: /^Sync status:/ })

async function syncNow(page: Page) {
  await syncStatus(page).click()
  await page.getByRole('button', { name: 'Sync now' }).click()
  await page
    .getByTestId('sync-status')
    .filter({ hasText: /^Up to date\./ })
    .waitFor()
  await page.keyboard.press('Escape')
  await page.getByRole('heading', { name: 'Settings' }).waitFor({ state: 'hidden' })
}

/** A lead's assignment of the open case to a team member, from the case header. */
async function assignTo(page: Page, name: string) {
  await page.getByRole('button', { name: 'Assign…' }).click()
  await page
    .getByRole('dialog', { name: /^Assign CR-/ })
    .getByRole('button', { name: new RegExp(name) })
    .click()
  await page.getByText(`is assigned to ${name}.`, { exact: false }).waitFor()
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true })

/** Types at the end of the paragraph after a report section's heading, and waits for the save. */
async function typeAfterHeading(page: Page, heading: string, text: string) {
  const editor = page.getByRole('textbox', { name: 'Report text' })
  await editor.locator('h1', { hasText: heading }).locator('xpath=following-sibling::p[1]').click()
  await page.keyboard.press('End')
  await page.keyboard.type(text)
  await editor.getByText(text).waitFor()
  await page.getByText('All changes saved').waitFor()
}

beforeAll(async () => {
  server = await startTeamServer()
  browser = await launchChromium()
  for (const _ of [0, 1]) stations.push(await openApp(browser))
  lee = stations[0]!.page
  riley = stations[1]!.page
  await identifyAs(lee, { name: 'Lee', id: 'lee-local' })
  await identifyAs(riley, { name: 'Riley', id: 'riley-local' })
}, 60_000)

afterAll(async () => {
  for (const station of stations) {
    expect(station.pageErrors).toEqual([])
    await station.context.close()
  }
  await browser?.close()
  await server?.close()
})

describe('two analysts on one team server', () => {
  it('signs each in through the host; the top bar says where sync stands', async () => {
    await expect.poll(() => lee.getByText('Offline only — no team server').count()).toBe(1)
    await signIn(lee, 'lee')
    await signIn(riley, 'riley')
    await expect.poll(() => syncStatus(lee).innerText()).toBe('Up to date')
    // Work is now recorded under the team account's name.
    await expect.poll(() => lee.getByText('Lee Park', { exact: true }).count()).toBe(1)
    // The page never holds the session token: not in storage, not in the database.
    const stored = await lee.evaluate(async () => {
      const names = (await indexedDB.databases()).map((database) => database.name)
      return JSON.stringify({ names, local: { ...localStorage }, cookie: document.cookie })
    })
    expect(stored).not.toMatch(/token/i)
  })

  it('a lead opens a case and assigns it; the analyst receives it', async () => {
    await createCase(lee, 'Shopper threatened at the door')
    await assignTo(lee, 'Riley Chen')
    await syncNow(lee)

    await syncNow(riley)
    await queueRows(riley).filter({ hasText: 'Shopper threatened at the door' }).click()
    await riley.getByTestId('case-header').filter({ hasText: 'Assignee: Riley Chen' }).waitFor()
    // Riley is not a lead: no assigning others.
    expect(await riley.getByRole('button', { name: 'Assign…' }).count()).toBe(0)
  })

  it('the analyst works it offline, comes back online, and both see the same case, report and evidence', async () => {
    // The exhibit is imported first: the web host loads its hashing worker from the network.
    await tab(riley, 'Evidence').click()
    await riley.getByLabel('Evidence files').setInputFiles([
      {
        name: 'door-camera-log.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Door camera: customer shouts "leave it and go" at 18:02.\n'),
      },
    ])
    await riley
      .getByRole('list', { name: 'Evidence imports' })
      .getByText(/Added as E-1/)
      .waitFor()
    // Riley starts the report; both have it before going their own ways.
    await tab(riley, 'Report').click()
    await riley.getByRole('button', { name: 'Start the report' }).click()
    const rileyEditor = riley.getByRole('textbox', { name: 'Report text' })
    await rileyEditor.waitFor()
    await riley.getByText('All changes saved').waitFor()
    await syncNow(riley)
    await syncNow(lee)
    await tab(lee, 'Report').click()
    const leeEditor = lee.getByRole('textbox', { name: 'Report text' })
    await leeEditor.locator('h1', { hasText: 'Findings' }).waitFor()

    await stations[1]!.context.setOffline(true)
    await expect.poll(() => syncStatus(riley).innerText()).toMatch(/^Offline/)
    await tab(riley, 'Notes').click()
    await riley.getByLabel('New note').fill('Shopper says the customer shouted at her through the door.')
    await riley.getByRole('button', { name: 'Add note' }).click()
    // Both write in the same report at once: Riley offline in the summary, Lee in the findings.
    await tab(riley, 'Report').click()
    await typeAfterHeading(riley, 'Summary', 'Verbal threat at drop-off; no injury.')
    await typeAfterHeading(lee, 'Findings', 'The customer admitted shouting; warning issued.')
    await expect.poll(() => syncStatus(riley).innerText()).toMatch(/^Offline · \d+ waiting/)
    await syncNow(lee)

    await stations[1]!.context.setOffline(false)
    await expect.poll(() => syncStatus(riley).innerText(), { timeout: 20_000 }).toBe('Up to date')
    await syncNow(lee)
    // The two edits merged: each sees both, once.
    for (const page of [lee, riley]) {
      const editor = page.getByRole('textbox', { name: 'Report text' })
      await editor.getByText('Verbal threat at drop-off; no injury.').waitFor()
      await editor.getByText('The customer admitted shouting; warning issued.').waitFor()
      expect(await editor.locator('h1', { hasText: 'Summary' }).count()).toBe(1)
    }
    await tab(lee, 'Notes').click()
    await lee.getByTestId('case-note').filter({ hasText: 'shouted at her through the door' }).waitFor()
    // The exhibit's record came with the case; its bytes are fetched from the server when opened.
    await tab(lee, 'Evidence').click()
    await lee
      .getByRole('list', { name: 'Evidence', exact: true })
      .getByRole('button', { name: /^E-1 door-camera-log\.txt/ })
      .click()
    await lee.getByLabel('Evidence viewer').getByText('customer shouts "leave it and go"').waitFor()
    await lee.getByLabel('Evidence viewer').getByRole('button', { name: 'Verify integrity' }).click()
    await lee.getByText(/is intact: its SHA-256 matches the record\./).waitFor()
  })

  it('a change the server refuses is kept with the reason, and can be retried', async () => {
    // The lead takes the case back while Riley is offline and still editing it.
    await stations[1]!.context.setOffline(true)
    await expect.poll(() => syncStatus(riley).innerText()).toMatch(/^Offline/)
    await tab(lee, 'Overview').click()
    await assignTo(lee, 'Lee Park')
    await syncNow(lee)

    await tab(riley, 'Notes').click()
    await riley.getByLabel('New note').fill('Called the customer back; no answer.')
    await riley.getByRole('button', { name: 'Add note' }).click()
    await stations[1]!.context.setOffline(false)
    await syncStatus(riley).click()
    const refused = riley.getByRole('list', { name: 'Refused changes' })
    await refused
      .getByText(/assigned to another analyst/)
      .first()
      .waitFor({ timeout: 20_000 })
    expect(await riley.getByTestId('sync-status').innerText()).toMatch(/\d+ waiting/)

    // The lead hands the case back; Riley retries and the note lands.
    await assignTo(lee, 'Riley Chen')
    await syncNow(lee)
    await riley.getByRole('button', { name: 'Retry all' }).click()
    await refused.waitFor({ state: 'detached' })
    await riley
      .getByTestId('sync-status')
      .filter({ hasText: /^Up to date\./ })
      .waitFor({ timeout: 20_000 })
    await riley.keyboard.press('Escape')
    await syncNow(lee)
    await tab(lee, 'Notes').click()
    await lee.getByTestId('case-note').filter({ hasText: 'no answer' }).waitFor()
  })
  it('shares the team’s settings: the lead’s approval amount reaches the analyst, the analyst’s handoff the lead', async () => {
    const amount = (page: Page) =>
      page
        .getByRole('region', { name: 'Determinations' })
        .getByLabel('Lead approval for reimbursements above')
    await openSettings(lee)
    const leeSection = lee.getByRole('region', { name: 'Determinations' })
    expect(await leeSection.getByRole('note').innerText()).toContain('reaches every workstation')
    await amount(lee).fill('400')
    await leeSection.getByRole('button', { name: 'Save amount' }).click()
    await lee.getByText('Reimbursements above 400 now need a lead').waitFor()
    await lee.keyboard.press('Escape')
    await lee.getByRole('heading', { name: 'Settings' }).waitFor({ state: 'hidden' })
    await syncNow(lee)
    await syncNow(riley)
    await openSettings(riley)
    await expect.poll(() => amount(riley).inputValue()).toBe('400')
    expect(
      await riley.getByRole('region', { name: 'Determinations' }).getByRole('note').innerText(),
    ).toContain('kept by its leads')
    await riley.keyboard.press('Escape')
    await riley.getByRole('heading', { name: 'Settings' }).waitFor({ state: 'hidden' })

    // Riley ends the shift on one workstation; Lee sees the handoff on the next start of another.
    await riley.getByRole('button', { name: 'Shift handoff' }).click()
    const handoff = riley.getByRole('dialog', { name: 'Shift handoff' })
    await handoff.getByLabel('Note to the next analyst').fill('The customer at 12 Elm expects a call back.')
    await handoff.getByRole('button', { name: 'Save handoff' }).click()
    await handoff.waitFor({ state: 'hidden' })
    await syncNow(riley)
    await syncNow(lee)
    await lee.reload()
    const notice = lee.getByRole('region', { name: 'Last shift handoff' })
    await notice.waitFor()
    expect(await notice.getByTestId('handoff-note').innerText()).toBe(
      'The customer at 12 Elm expects a call back.',
    )
    expect(await notice.innerText()).toContain('Handoff from Riley Chen')
  })

  it('a lead exports the case’s server audit with its hash-chain proof; an analyst is not offered it', async () => {
    for (const page of [lee, riley]) {
      await queueRows(page).filter({ hasText: 'Shopper threatened at the door' }).click()
      await tab(page, 'Audit').click()
    }
    expect(await riley.getByRole('button', { name: 'Export server audit…' }).count()).toBe(0)
    const download = lee.waitForEvent('download')
    await lee.getByRole('button', { name: 'Export server audit…' }).click()
    const saved = join(artifactsDir(), 'server-audit.json')
    await (await download).saveAs(saved)
    await lee
      .getByText(/Exported the server audit of CR-\d{4}-\d{6}: \d+ lines, hash chain verified\./)
      .waitFor()
    const exported = JSON.parse(readFileSync(saved, 'utf8'))
    // Re-checked here as a reviewer would, offline: every line's hash, the links, the head.
    expect(await checkCaseAuditExport(exported)).toMatchObject({ ok: true })
    const actions = exported.lines.map((line: { action: string }) => line.action)
    expect(actions).toContain('write')
    expect(actions.at(-1)).toBe('audit-exported')
    // One line changed and the proof fails.
    exported.lines[0].detail = `${exported.lines[0].detail} (edited)`
    expect(await checkCaseAuditExport(exported)).toMatchObject({ ok: false })
  })
})
