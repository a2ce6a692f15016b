import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DemoWorkstation, openDemoWorkstation } from './demo-workstation'
import { openSettings, queueRows } from './workstation'

let workstation: DemoWorkstation
let page: Page

beforeAll(async () => {
  workstation = await openDemoWorkstation()
  page = workstation.page
}, 180_000)

afterAll(() => workstation?.close())

const selectedCaseNumber = () =>
  page.locator('[data-testid="queue-row"][aria-selected="true"]').getAttribute('data-case-number')

describe('working the queue', () => {
  it('moves through cases with the arrow keys', async () => {
    // The queue renders its rows after the demo load settles: read them once they are there.
    await expect.poll(() => queueRows(page).count()).toBeGreaterThanOrEqual(3)
    const numbers = await queueRows(page).evaluateAll((rows) =>
      rows.slice(0, 3).map((row) => row.getAttribute('data-case-number')),
    )
    await page.getByRole('grid', { name: 'Case queue' }).focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(selectedCaseNumber).toBe(numbers[0])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(selectedCaseNumber).toBe(numbers[2])
    await page.keyboard.press('ArrowUp')
    await expect.poll(selectedCaseNumber).toBe(numbers[1])
    await expect.poll(() => page.getByTestId('case-header').innerText()).toContain(numbers[1]!)
  })

  it('searches by case number and opens an exact match with Enter', async () => {
    const search = page.getByRole('textbox', { name: 'Search cases' })
    await search.fill('CR-2026-00012')
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toBe('10 matches')
    await search.fill('CR-2026-000123')
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toBe('1 match')
    await search.press('Enter')
    await expect.poll(() => page.getByTestId('case-header').innerText()).toContain('CR-2026-000123')
    await search.press('Escape')
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toBe('500 cases')
  })

  it('shows a photo exhibit and an order chat, with its custody record', async () => {
    const search = page.getByRole('textbox', { name: 'Search cases' })
    await search.fill('garage door')
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toMatch(/^\d+ match(es)?$/)
    await expect.poll(() => queueRows(page).first().innerText()).toContain('garage door')
    // Every garage-door case has the customer's photo; most also have the order chat. Open the first that has both.
    const evidenceList = page.getByRole('list', { name: 'Evidence' })
    const chat = evidenceList.getByRole('button', { name: /order-chat/ })
    const candidates = await queueRows(page).count()
    for (let index = 0; index < candidates; index++) {
      const row = queueRows(page).nth(index)
      await row.click()
      const caseNumber = await row.getAttribute('data-case-number')
      await expect.poll(() => page.getByTestId('case-header').innerText()).toContain(caseNumber!)
      await page.getByRole('tab', { name: 'Evidence' }).click()
      await evidenceList.waitFor()
      if (await chat.count()) break
    }
    await search.press('Escape')
    await evidenceList.getByRole('button', { name: /^E-1 IMG_\d{4}\.jpg/ }).click()
    const viewer = page.getByLabel('Evidence viewer')
    await expect.poll(() => viewer.getByRole('img').count()).toBe(1)
    await expect
      .poll(() =>
        viewer.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBe(64)
    await expect
      .poll(() => viewer.getByRole('list', { name: 'Chain of custody' }).innerText())
      .toMatch(/imported/)
    // Examine it: zoom to 800% (pixels drawn sharp), pan by dragging, turn it, fit it again. The photo
    // and its annotation layer move together in one transformed box.
    const zoom = viewer.getByTestId('image-zoom')
    const photo = viewer.getByRole('img')
    await expect.poll(() => zoom.innerText()).toMatch(/^Fit \d+%$/)
    await viewer.getByRole('button', { name: '800%' }).click()
    await expect.poll(() => zoom.innerText()).toBe('800%')
    expect(await viewer.getByRole('button', { name: 'Zoom in' }).isDisabled()).toBe(true)
    expect(await photo.evaluate((img) => getComputedStyle(img).imageRendering)).toBe('pixelated')
    const box = (await photo.boundingBox())!
    expect(Math.round(box.width)).toBe(64 * 8)
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 10)
    await page.mouse.up()
    expect(await photo.evaluate((img) => img.parentElement!.style.transform)).toContain(
      'translate(40px, 10px)',
    )
    await viewer.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(() => zoom.innerText()).toBe('640%')
    await viewer.getByRole('button', { name: 'Rotate right' }).click()
    expect(await photo.evaluate((img) => img.parentElement!.style.transform)).toContain('rotate(90deg)')
    await viewer.getByRole('button', { name: 'Fit' }).click()
    await expect.poll(() => zoom.innerText()).toMatch(/^Fit \d+%$/)
    // The demo photos carry EXIF: capture time, phone and GPS; the capture time goes on the timeline.
    const photoFacts = viewer.getByRole('region', { name: 'Photo metadata' })
    await expect
      .poll(() => photoFacts.innerText())
      .toMatch(
        /Captured[\s\S]*UTC−\d\d:\d\d \(camera\) · [\s\S]* here[\s\S]*Device[\s\S]*GPS\s+-?\d+\.\d{5}, -?\d+\.\d{5}/,
      )
    await photoFacts.getByRole('button', { name: 'Add capture time to timeline' }).click()
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    await expect.poll(() => page.getByTestId('case-timeline').innerText()).toMatch(/E-1 photo taken/)
    await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
    await chat.click()
    await expect.poll(() => viewer.getByLabel('Conversation').innerText()).toMatch(/\((customer|shopper)\)/)
  })

  it('lists what was recorded on the case in its audit tab', async () => {
    await page.getByRole('tab', { name: 'Audit' }).click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Audit log' }).innerText())
      .toMatch(/Loaded CR-2026-\d{6} from the demo dataset/)
  })
})

describe('settings', () => {
  it('remembers the dark theme across a reload', async () => {
    await openSettings(page)
    await page.getByRole('button', { name: 'Dark' }).click()
    await page.keyboard.press('Escape')
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await expect.poll(background).toBe('rgb(18, 20, 23)')
    await page.reload()
    await page.getByTestId('queue-count').waitFor()
    await expect.poll(background).toBe('rgb(18, 20, 23)')
    await openSettings(page)
    await page.getByRole('button', { name: 'Light' }).click()
    await expect.poll(background).toBe('rgb(244, 246, 249)')
  })

  it('shows storage usage and saves a new analyst name', async () => {
    await expect.poll(() => page.getByTestId('storage-usage').innerText()).toMatch(/used of .* available/)
    const analyst = page.getByRole('region', { name: 'Analyst' })
    await analyst.getByLabel('Your name').fill('Riley Chen-Okafor')
    await analyst.getByRole('button', { name: 'Save analyst' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('banner').innerText()).toContain('Riley Chen-Okafor')
    await page.reload()
    await expect.poll(() => page.getByRole('banner').innerText()).toContain('Riley Chen-Okafor')
  })

  it('shows SLA clocks on the case and re-times them when the SLA policy changes', async () => {
    // A case nobody has responded to yet: its first-response clock is running.
    await queueRows(page)
      .filter({ has: page.getByText('New', { exact: true }) })
      .first()
      .click()
    const firstResponse = page.getByTestId('case-header').getByTestId('sla-first_response')
    await expect.poll(() => firstResponse.innerText()).toMatch(/^First response (\d.* left|overdue .*)$/)
    await expect
      .poll(() => page.getByTestId('case-header').getByTestId('sla-resolution').innerText())
      .toMatch(/^Resolution \d.* left$/)

    // Every first-response target cut to 3.6 seconds: the open case is now breached.
    await openSettings(page)
    const policy = page.getByRole('form', { name: 'SLA policy' })
    for (const severity of ['S1', 'S2', 'S3', 'S4']) {
      await policy.getByRole('spinbutton', { name: `${severity} first response`, exact: true }).fill('0.001')
    }
    await policy.getByRole('button', { name: 'Save SLA policy' }).click()
    await page.getByText(/SLA policy saved; [\d,]+ open cases re-timed\./).waitFor()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => firstResponse.getAttribute('data-health')).toBe('breached')
    await expect.poll(() => firstResponse.innerText()).toMatch(/^First response overdue/)

    // The policy persists; the defaults come back with one button and a save.
    await page.reload()
    await openSettings(page)
    const reloaded = page.getByRole('form', { name: 'SLA policy' })
    expect(
      await reloaded.getByRole('spinbutton', { name: 'S3 first response', exact: true }).inputValue(),
    ).toBe('0.001')
    await reloaded.getByRole('button', { name: 'Use the default targets' }).click()
    await reloaded.getByRole('button', { name: 'Save SLA policy' }).click()
    await page.getByText(/SLA policy saved/).waitFor()
    expect(
      await reloaded.getByRole('spinbutton', { name: 'S3 first response', exact: true }).inputValue(),
    ).toBe('24')
    await page.keyboard.press('Escape')
  })

  it('assigns a case to me and moves its status; awaiting a party pauses the resolution clock', async () => {
    await queueRows(page)
      .filter({ has: page.getByText('New', { exact: true }) })
      .first()
      .click()
    const header = page.getByTestId('case-header')
    const status = (name: string) => async () => {
      await header.getByRole('button', { name: 'Change status' }).click()
      await page.getByRole('menuitem', { name, exact: true }).click()
      await header.getByText(name, { exact: true }).waitFor()
    }
    await header.getByRole('button', { name: 'Assign to me' }).click()
    await expect.poll(() => header.innerText()).toContain('Assignee: Riley Chen-Okafor')

    await status('Triage')()
    await expect
      .poll(() => header.getByTestId('sla-first_response').innerText())
      .toMatch(/^First response met/)
    // Only the workflow's next steps are offered: Triage cannot go back to New or jump to Resolved.
    await header.getByRole('button', { name: 'Change status' }).click()
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual([
      'Investigating',
      'Awaiting party',
      'Closed',
    ])
    await page.keyboard.press('Escape')

    await status('Awaiting party')()
    const resolution = header.getByTestId('sla-resolution')
    await expect.poll(() => resolution.innerText()).toMatch(/^Resolution paused · .* left$/)
    await status('Investigating')()
    await expect.poll(() => resolution.innerText()).toMatch(/^Resolution \d.* left$/)

    await page.getByRole('tab', { name: 'Overview' }).click()
    const history = () => page.getByTestId('sla-history').innerText()
    await expect.poll(history).toContain('First response met')
    await expect.poll(history).toContain('Resolution clock paused: awaiting a party')
    await expect.poll(history).toContain('Resolution clock resumed')

    await page.getByRole('tab', { name: 'Audit' }).click()
    const audit = () => page.getByRole('tabpanel', { name: 'Audit' }).innerText()
    await expect.poll(audit).toMatch(/status: "?triage"? → "?awaiting_party"?/)
    await expect.poll(audit).toMatch(/assigneeName: .* → "?Riley Chen-Okafor"?/)
  })

  it('works from the keyboard: ? lists shortcuts, / searches, a assigns, s changes status, Enter and Esc move focus', async () => {
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '')
    await page.locator('body').click({ position: { x: 5, y: 990 } })
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => sheet.innerText()).toContain('Assign the open case to me')
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'hidden' })

    await page.keyboard.press('/')
    await expect.poll(activeId).toBe('case-search')
    await page.keyboard.press('Escape')

    await queueRows(page)
      .filter({ has: page.getByText(/Unassigned$/) })
      .first()
      .click()
    const header = page.getByTestId('case-header')
    await page.getByRole('grid', { name: 'Case queue' }).focus()
    await page.keyboard.press('a')
    await expect.poll(() => header.innerText()).toContain('Assignee: Riley Chen-Okafor')

    await page.keyboard.press('s')
    await expect.poll(() => page.getByRole('menuitem').count()).toBeGreaterThan(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('menuitem').count()).toBe(0)

    await page.getByRole('grid', { name: 'Case queue' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab')
    await page.keyboard.press('Escape')
    await expect.poll(activeId).toBe('case-queue')
  })

  it('switches between built-in queue views, each with its count', async () => {
    const chooseView = async (label: string) => {
      await page.getByRole('combobox', { name: 'Queue view' }).click()
      const option = page.getByRole('option', { name: new RegExp(`^${label} \\(\\d+\\)$`) })
      const count = Number((await option.innerText()).match(/\((\d+)\)/)![1])
      await option.click()
      await page.getByRole('listbox').waitFor({ state: 'hidden' })
      return count
    }
    const awaiting = await chooseView('Awaiting party')
    expect(awaiting).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toBe(`${awaiting} cases`)
    for (const text of await queueRows(page).allInnerTexts()) expect(text).toContain('Awaiting party')

    // My open cases: the demo's cases for analyst-017 (demo name Riley Chen) and those assigned above.
    const mine = await chooseView('My open cases')
    expect(mine).toBeGreaterThanOrEqual(2)
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toBe(`${mine} cases`)
    for (const text of await queueRows(page).allInnerTexts()) expect(text).toContain('Riley Chen')

    // The command palette reaches the same views by name.
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await palette.getByRole('combobox', { name: 'Command' }).fill('view risk')
    expect(await palette.getByRole('option').allInnerTexts()).toEqual(['Queue view: At risk'])
    await page.keyboard.press('Enter')
    await palette.waitFor({ state: 'hidden' })
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Queue view' }).innerText())
      .toMatch(/^At risk/)

    await chooseView('All cases')
    await expect.poll(() => page.getByTestId('queue-count').innerText()).toBe('500 cases')
  })

  it('removes the demo data after a confirmation', async () => {
    await openSettings(page)
    await page.getByRole('button', { name: 'Remove demo data' }).click()
    await page.getByRole('button', { name: 'Remove all demo cases' }).click()
    await page.getByText('Removed 500 demo cases.').waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByText('No cases yet').isVisible()).toBe(true)
  })
})
