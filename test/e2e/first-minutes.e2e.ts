import { SETTINGS_SECTIONS, settingsHeadingId } from '@workspace/settings-sections'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { addParty, createCase, identifyAs, loadDemoData, queueRows } from './workstation'

const CASE_TABS = [
  'Overview',
  'Parties',
  'Timeline',
  'Tasks',
  'Notes',
  'Communications',
  'Evidence',
  'Order',
  'Verification',
  'Determination',
  'Report',
  'Audit',
]
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser, { viewport: { width: 1366, height: 768 } }))
})

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

const activeId = () => page.evaluate(() => document.activeElement?.id ?? '')
const activeText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '')
const selectedCaseNumber = () =>
  page.locator('[data-testid="queue-row"][aria-selected="true"]').getAttribute('data-case-number')

/** Whether an element is on screen and not cut off by a scrolling ancestor (the middle of it is itself). */
async function inSight(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    if (box.width < 2 || box.height < 2) return false
    if (box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight) return false
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return hit !== null && element.contains(hit)
  })
}

/** As when the window has just been given the focus: the next Tab goes to the page's first stop. */
const focusPageStart = () =>
  page.evaluate(() => {
    document.body.tabIndex = -1
    document.body.focus()
    document.body.removeAttribute('tabindex')
  })

/** Settings is open with the named section's heading focused and in sight, the dialog scrolled to it. */
async function expectSettingsAt(section: string) {
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const heading = settings.getByRole('heading', { name: section, exact: true })
  await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true)
  await expect.poll(() => inSight(heading)).toBe(true)
}

describe('the first minutes in the app', () => {
  it('gives the queue the focus at start, so j and k work straight away', async () => {
    await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
    await expect.poll(activeId).toBe('case-queue')
  })

  it('opens Settings at the demo data from the empty queue, and back in the queue j moves', async () => {
    await page.getByRole('button', { name: 'Load demo data…' }).click()
    await expectSettingsAt('Demo data')
    await loadDemoData(page, 500)
    // The sections above read their data as the dialog opens: Demo data stayed where it was.
    expect(await inSight(page.getByRole('heading', { name: 'Demo data', exact: true }))).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'hidden' })
    // The button that opened Settings is gone with the empty queue: the queue has the focus.
    await expect.poll(activeId).toBe('case-queue')
    await expect.poll(() => queueRows(page).count()).toBeGreaterThan(3)
    const numbers = await queueRows(page).evaluateAll((rows) =>
      rows.slice(0, 2).map((row) => row.getAttribute('data-case-number')),
    )
    await page.keyboard.press('j')
    await expect.poll(selectedCaseNumber).toBe(numbers[0])
    await page.keyboard.press('j')
    await expect.poll(selectedCaseNumber).toBe(numbers[1])
    await page.keyboard.press('k')
    await expect.poll(selectedCaseNumber).toBe(numbers[0])
    await expect.poll(() => page.getByTestId('case-header').innerText()).toContain(numbers[0]!)

    // After a restart too.
    await page.reload()
    await queueRows(page).first().waitFor()
    await expect.poll(activeId).toBe('case-queue')
    await page.keyboard.press('j')
    await expect.poll(selectedCaseNumber).toBe(numbers[0])
  })

  it('has a skip link to each pane as the first Tab stops, shown when focused', async () => {
    await focusPageStart()
    for (const label of ['Skip to queue', 'Skip to case', 'Skip to evidence']) {
      await page.keyboard.press('Tab')
      await expect.poll(activeText).toBe(label)
      expect(await inSight(page.getByRole('link', { name: label }))).toBe(true)
    }
    // Out of sight once the focus moves on.
    await page.keyboard.press('Tab')
    expect(await inSight(page.getByRole('link', { name: 'Skip to evidence' }))).toBe(false)

    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await expect.poll(activeId).toBe('evidence-pane')
    await focusPageStart()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    // Into the open case at its current tab.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-selected')))
      .toBe('true')
    expect(await activeText()).toBe('Overview')
    await focusPageStart()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect.poll(activeId).toBe('case-queue')
  })

  it('opens Settings at Team server from the sync status, and at any section from the command palette', async () => {
    await page.getByRole('button', { name: /^Sync status/ }).click()
    await expectSettingsAt('Team server')
    await page.keyboard.press('Escape')
    for (const section of ['Notifications', 'Email templates']) {
      await page.keyboard.press('Control+k')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await palette.getByRole('combobox', { name: 'Command' }).fill(`Settings: ${section}`)
      await expect.poll(() => palette.getByRole('option').first().innerText()).toBe(`Settings: ${section}`)
      await page.keyboard.press('Enter')
      await expectSettingsAt(section)
      await page.keyboard.press('Escape')
      await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'hidden' })
    }
    // The gear opens it at the top; every section a link can ask for is there under its name.
    await page.getByRole('button', { name: 'Settings' }).click()
    await expect.poll(() => inSight(page.getByRole('heading', { name: 'Analyst', exact: true }))).toBe(true)
    for (const section of SETTINGS_SECTIONS) {
      expect(await page.locator(`#${settingsHeadingId(section)}`).innerText()).toBe(section)
    }
    await page.keyboard.press('Escape')
  })

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows every case tab at a glance at ${viewport.width} × ${viewport.height}, and each opens`, async () => {
      await page.setViewportSize(viewport)
      await queueRows(page).first().click()
      const tabs = page.getByRole('tablist', { name: 'Case sections' })
      const bar = (await tabs.boundingBox())!
      for (const name of CASE_TABS) {
        const tab = tabs.getByRole('tab', { name, exact: true })
        expect(await inSight(tab), `${name} in sight`).toBe(true)
        const box = (await tab.boundingBox())!
        expect(box.x).toBeGreaterThanOrEqual(bar.x)
        expect(box.x + box.width).toBeLessThanOrEqual(bar.x + bar.width)
        expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height)
      }
      for (const name of CASE_TABS) {
        await tabs.getByRole('tab', { name, exact: true }).click()
        await page.getByRole('tabpanel', { name, exact: true }).waitFor()
      }
      await tabs.getByRole('tab', { name: 'Overview', exact: true }).click()
    })
  }

  it('hides the evidence pane for a wider case, remembers it, and shows it again for an exhibit', async () => {
    const evidencePane = page.getByRole('region', { name: 'Evidence pane' })
    const casePane = page.getByRole('region', { name: 'Case pane' })
    const widths = async () => ({
      evidence: (await evidencePane.boundingBox())!.width,
      case: (await casePane.boundingBox())!.width,
    })
    const before = await widths()
    await page.getByRole('button', { name: 'Hide evidence pane' }).click()
    await expect.poll(async () => (await widths()).evidence).toBeLessThan(60)
    expect((await widths()).case).toBeGreaterThan(before.case + before.evidence - 80)

    await page.reload()
    await queueRows(page).first().waitFor()
    await expect.poll(async () => (await widths()).evidence).toBeLessThan(60)

    // A demo case with a photo: choosing it on the Evidence tab brings the pane back.
    await page.getByRole('textbox', { name: 'Search cases' }).fill('garage door')
    await expect.poll(() => queueRows(page).first().innerText()).toContain('garage door')
    await queueRows(page).first().click()
    await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
    await page.getByRole('list', { name: 'Evidence' }).getByRole('button', { name: /^E-1 / }).click()
    await expect.poll(async () => (await widths()).evidence).toBeGreaterThan(150)
    await page.getByLabel('Evidence viewer').waitFor()

    await page.getByRole('button', { name: 'Hide evidence pane' }).click()
    await expect.poll(async () => (await widths()).evidence).toBeLessThan(60)
    await page.getByRole('button', { name: 'Show evidence pane' }).click()
    await expect.poll(async () => (await widths()).evidence).toBeGreaterThan(150)
    await page.getByRole('textbox', { name: 'Search cases' }).press('Escape')
  })

  it('names records, analysts and cases in the audit tab, with the ids on hover', async () => {
    await createCase(page, 'Gate left open after delivery')
    await page.getByRole('button', { name: 'Assign to me' }).click()
    await addParty(page, { name: 'Lee Park', role: 'Witness' })
    await page.getByRole('tab', { name: 'Notes', exact: true }).click()
    await page.getByLabel('New note').fill('Neighbour saw the gate open at 7:40 pm; will send a photo.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.getByRole('tab', { name: 'Parties', exact: true }).click()
    await page.getByRole('article', { name: 'Lee Park' }).getByRole('button', { name: 'Remove' }).click()
    await page.getByRole('button', { name: 'Remove party' }).click()

    await page.getByRole('tab', { name: 'Audit', exact: true }).click()
    const audit = page.getByRole('list', { name: 'Audit log' })
    const caseNumber = (await page.getByTestId('case-header').innerText()).match(/CR-\d{4}-\d{6}/)![0]
    await expect.poll(() => audit.innerText()).toContain('Removed witness Lee Park')
    const text = await audit.innerText()
    expect(text).toContain('assigneeName: ∅ → Riley Chen')
    expect(text).toContain(`caseId: ∅ → ${caseNumber}`)
    expect(text).toContain('createdBy: ∅ → Riley Chen')
    expect(text).toContain('Added a note · Note “Neighbour saw the gate open at 7:40 pm; will send a photo.”')
    expect(text).not.toMatch(UUID)
    expect(text).not.toContain('analyst-017')

    // The ids are a hover away.
    const caseRef = audit.getByText(caseNumber, { exact: true }).first()
    expect(await caseRef.getAttribute('data-id')).toMatch(UUID)
    const tooltipOf = async (named: Locator) => {
      await page.mouse.move(0, 0)
      await page.getByRole('tooltip').waitFor({ state: 'detached' })
      await named.hover()
      return page.getByRole('tooltip').innerText()
    }
    expect(await tooltipOf(caseRef)).toMatch(new RegExp(`^id ${UUID.source}$`))
    expect(await tooltipOf(audit.getByText('Riley Chen', { exact: true }).first())).toBe('id analyst-017')
  })
})
