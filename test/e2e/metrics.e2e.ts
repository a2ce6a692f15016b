import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactsDir, launchChromium, openApp } from './browser'
import { identifyAs, loadDemoData, openSettings } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const dashboard = () => page.getByRole('dialog', { name: 'Case metrics' })
const caseCount = async () => Number(await dashboard().getByTestId('dashboard-case-count').innerText())

/** Exports the case list with the columns as they are ticked, and reads the file back. */
async function exportCsv(untick: string[] = []): Promise<Record<string, string>[]> {
  await dashboard().getByRole('button', { name: 'Export CSV…' }).click()
  const chooser = page.getByRole('dialog', { name: 'Export the case list' })
  for (const label of untick) await chooser.getByRole('checkbox', { name: label }).uncheck()
  const downloading = page.waitForEvent('download')
  await chooser.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  const path = join(artifactsDir(), download.suggestedFilename())
  await download.saveAs(path)
  await chooser.waitFor({ state: 'hidden' })
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await openSettings(page)
  await loadDemoData(page, 500)
  await page.keyboard.press('Escape')
}, 120_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('the metrics dashboard', () => {
  it('counts the cases of the range and draws each chart', async () => {
    await page.getByRole('button', { name: 'Dashboard' }).click()
    await dashboard().getByTestId('dashboard-ready').waitFor()
    await dashboard().getByRole('button', { name: 'All time' }).click()
    await expect.poll(caseCount).toBe(500)
    for (const chart of [
      'Open cases by status and severity',
      'SLA compliance by week',
      'Outcomes by category',
      'Cases per analyst',
    ]) {
      const section = dashboard().getByRole('region', { name: chart })
      expect(await section.locator('svg').count()).toBeGreaterThan(0)
    }
    expect(await dashboard().getByRole('region', { name: 'Outcomes by category' }).innerText()).toMatch(
      /\d+ decisions in \d+ categories/,
    )
    expect(await dashboard().getByTestId('median-first-response').innerText()).toMatch(/\d+(\.\d)? (h|days)/)
    await page.screenshot({ path: 'docs/screenshots/dashboard.png', animations: 'disabled' })
  })

  it('exports the filtered case list as CSV, with the chosen columns, row for row', async () => {
    const everything = await exportCsv()
    expect(everything).toHaveLength(500)

    // Three weeks, ending 20 days ago: inside the demo data's 120 days whenever the test runs.
    const range = await page.evaluate(() => {
      const day = (daysAgo: number) => {
        const date = new Date()
        date.setDate(date.getDate() - daysAgo)
        return date
      }
      const text = (date: Date) =>
        `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
      const [first, last] = [day(40), day(20)]
      return {
        from: text(first),
        to: text(last),
        fromInstant: new Date(first.getFullYear(), first.getMonth(), first.getDate()).toISOString(),
        toInstant: new Date(
          last.getFullYear(),
          last.getMonth(),
          last.getDate(),
          23,
          59,
          59,
          999,
        ).toISOString(),
      }
    })
    await dashboard().getByLabel('Opened from').fill(range.from)
    await dashboard().getByLabel('Opened to').fill(range.to)
    await dashboard().locator(`[data-range="${range.from}|${range.to}"]`).waitFor()
    const inRange = await caseCount()
    expect(inRange).toBeGreaterThan(0)

    const filtered = await exportCsv(['Title', 'Outcomes'])
    expect(Object.keys(filtered[0]!)).toEqual([
      'Case number',
      'Category',
      'Severity',
      'Status',
      'Assignee',
      'Opened (UTC)',
      'First response (UTC)',
      'Resolved (UTC)',
      'SLA breached',
    ])
    expect(filtered).toHaveLength(inRange)
    // The same cases as the full list holds for those days.
    const expected = everything
      .filter((row) => row['Opened (UTC)']! >= range.fromInstant && row['Opened (UTC)']! <= range.toInstant)
      .map((row) => row['Case number'])
      .sort()
    expect(filtered.map((row) => row['Case number']).sort()).toEqual(expected)

    // The column choice is kept for the next export.
    await dashboard().getByRole('button', { name: 'Export CSV…' }).click()
    const chooser = page.getByRole('dialog', { name: 'Export the case list' })
    expect(await chooser.getByRole('checkbox', { name: 'Title' }).isChecked()).toBe(false)
    await chooser.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Close the dashboard' }).click()
  })
})
