import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DemoWorkstation, openDemoWorkstation } from './demo-workstation'
import { queueRows } from './workstation'

let workstation: DemoWorkstation
let page: Page

beforeAll(async () => {
  workstation = await openDemoWorkstation()
  page = workstation.page
}, 180_000)

afterAll(() => workstation?.close())

const count = async () => Number((await page.getByTestId('queue-count').innerText()).replace(/[^\d]/g, ''))
const rowTexts = () =>
  queueRows(page).evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText))
const pick = async (label: string, option: string | RegExp) => {
  await page.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
}

describe('filtering, sorting and saved views', () => {
  it('narrows the queue by category and severity, and every row matches', async () => {
    await expect.poll(count).toBe(500)
    await page.getByRole('button', { name: 'Filter' }).click()
    const filter = page.getByRole('region', { name: 'Queue filter' })
    await filter.getByRole('combobox', { name: 'Category' }).click()
    await page.getByRole('option', { name: 'Property damage' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(count).toBeLessThan(500)
    const damage = await count()
    expect(damage).toBeGreaterThan(0)
    await filter.getByRole('combobox', { name: 'Severity' }).click()
    await page.getByRole('option', { name: 'S2' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(count).toBeLessThan(damage)
    for (const row of await rowTexts()) {
      expect(row).toContain('Property damage')
      expect(row).toMatch(/\bS2\b/)
    }
    // One colleague's cases: the assignee menu lists the analysts cases are assigned to.
    await filter.getByRole('combobox', { name: 'Assignee' }).click()
    const colleague = page.getByRole('option').nth(3)
    const name = await colleague.innerText()
    expect(['Anyone', 'Me', 'Unassigned']).not.toContain(name)
    await colleague.click()
    await expect
      .poll(async () => {
        const rows = await rowTexts()
        return rows.length > 0 && rows.every((row) => row.includes(name))
      })
      .toBe(true)
    await filter.getByRole('combobox', { name: 'Assignee' }).click()
    await page.getByRole('option', { name: 'Anyone' }).click()
    // Text alone: CR-2026-000001 to CR-2026-000099, and nothing else.
    await page.getByRole('button', { name: 'Clear filter' }).click()
    await expect.poll(count).toBe(500)
    await filter.getByLabel('Text').fill('CR-2026-0000')
    await expect.poll(count).toBe(99)
    expect((await rowTexts()).every((row) => row.includes('CR-2026-0000'))).toBe(true)
    await page.getByRole('button', { name: 'Clear filter' }).click()
    await expect.poll(count).toBe(500)
  })

  it('sorts by severity and by SLA due', async () => {
    await pick('Sort', 'Severity (S1 first)')
    await expect.poll(async () => (await rowTexts())[0]).toMatch(/\bS1\b/)
    const severities = (await rowTexts()).map((row) => row.match(/\bS([1-4])\b/)![1])
    expect(severities).toEqual([...severities].sort())
    await pick('Sort', 'SLA due (soonest first)')
    // Breached clocks (most overdue) first: the first row's chip is overdue.
    await expect.poll(async () => (await rowTexts())[0]).toMatch(/−/)
  })

  it('saves the filter as a named view that survives a reload, then deletes it', async () => {
    await page
      .getByRole('region', { name: 'Queue filter' })
      .getByRole('combobox', { name: 'Category' })
      .click()
    await page.getByRole('option', { name: 'Vehicle incident' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(count).toBeLessThan(500)
    const vehicles = await count()
    await page.getByRole('button', { name: 'Save view…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save this filter as a view' })
    await dialog.getByLabel('View name').fill('Vehicle incidents')
    await dialog.getByRole('button', { name: 'Save view' }).click()
    await dialog.waitFor({ state: 'hidden' })

    await pick('Queue view', /^All cases/)
    await expect.poll(count).toBe(500)
    await page.reload()
    await pick('Queue view', `Vehicle incidents (${vehicles})`)
    await expect.poll(count).toBe(vehicles)
    for (const row of await rowTexts()) expect(row).toContain('Vehicle incident')

    await page.getByRole('button', { name: 'Delete view' }).click()
    await expect.poll(count).toBe(500)
    await page.getByRole('combobox', { name: 'Queue view' }).click()
    expect(await page.getByRole('option', { name: /Vehicle incidents/ }).count()).toBe(0)
    await page.keyboard.press('Escape')
  })
})
