import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { chooseOption, identifyAs, queueRows } from './workstation'

// One analyst working one escalation end to end, on a clock the test controls.
let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

/** Test doubles of the operating system: the notification centre and the mail client. */
function osDoubles() {
  const shown: Array<{ title: string; body: string; onclick: (() => void) | null }> = []
  const drafts: string[] = []
  Object.assign(window, { __notifications: shown, __mailDrafts: drafts })
  class RecordedNotification {
    static permission = 'granted'
    static requestPermission = async () => 'granted'
    title: string
    body: string
    onclick: (() => void) | null = null
    constructor(title: string, options?: { body?: string }) {
      this.title = title
      this.body = options?.body ?? ''
      shown.push(this)
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true })
  const click = HTMLAnchorElement.prototype.click
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.href.startsWith('mailto:')) drafts.push(this.href)
    else click.call(this)
  }
}

const header = () => page.getByTestId('case-header')
const tab = (name: string) => page.getByRole('tab', { name, exact: true })
const choose = (label: string, option: string | RegExp, scope: Page | Locator = page) =>
  chooseOption(page, label, option, scope)
const timelineText = () => page.getByTestId('case-timeline').innerText()

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser, {
    clockAt: new Date('2026-11-24T15:00:00Z'),
    initScript: osDoubles,
    permissions: ['clipboard-read', 'clipboard-write'],
  }))
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('triaging a new escalation', () => {
  it('opens a case from the intake form, with its checklist and parties', async () => {
    await page.getByRole('button', { name: 'New case' }).click()
    const form = page.getByRole('dialog', { name: 'New case' })
    await form.getByRole('button', { name: 'Create case' }).click()
    await expect.poll(() => form.getByText('Give the case a short title').isVisible()).toBe(true)

    await form.getByLabel('Title').fill('Shopper threatened at drop-off')
    await choose('Category', 'Harassment / threat', form)
    await choose('Severity', 'S1', form)
    await form
      .getByLabel('Incident summary')
      .fill('The customer shouted at the shopper and followed them to the car.')
    await form.getByLabel('Order ID').fill('ORD-5520001')
    await form.getByLabel('Retailer', { exact: true }).fill('FreshCo')
    await form.getByLabel('Customer name').fill('Dana Okafor')
    await form.getByLabel('Customer account ID').fill('C-44120')
    // Nonsense is refused at its field, with the reason.
    await form.getByLabel('Customer email').fill('not an email')
    await form.getByLabel('Customer phone').fill('abc')
    await form.getByLabel('Occurred').fill('2026-12-24T10:00')
    await form.getByLabel('Delivered').fill('1900-01-01T09:00')
    await form.getByLabel('Shopper name').fill('Sam Ruiz')
    await form.getByLabel('Shopper account ID').fill('S-88017')
    await form.getByLabel('Shopper email').fill('sam.ruiz@')
    await form.getByLabel('Shopper phone').fill('555-0147')
    await form.getByRole('button', { name: 'Create case' }).click()
    const problemAt = (label: string) =>
      form.getByLabel(label, { exact: true }).evaluate((input) => {
        const described = input.getAttribute('aria-describedby')
        return described ? (document.getElementById(described)?.textContent ?? '') : ''
      })
    await expect
      .poll(() => problemAt('Customer email'))
      .toBe('Not an email address: it looks like name@example.com')
    expect(await problemAt('Customer phone')).toBe(
      'A phone number is digits, like (614) 555-0147 or +1 614 555 0147',
    )
    expect(await problemAt('Occurred')).toBe('This is in the future')
    expect(await problemAt('Delivered')).toBe('More than 10 years ago (1900): check the year')
    expect(await problemAt('Shopper email')).toBe('Not an email address: it looks like name@example.com')
    expect(await problemAt('Shopper phone')).toBe('Too few digits for a phone number (with its area code)')
    expect(await form.isVisible()).toBe(true)

    await form.getByLabel('Customer email').fill('dana.okafor@example.com')
    await form.getByLabel('Customer phone').fill('(614) 555-0147')
    await form.getByLabel('Occurred').fill('2026-11-24T14:10')
    await form.getByLabel('Delivered').fill('2026-11-24T14:05')
    await form.getByLabel('Shopper email').fill('sam.ruiz@example.com')
    await form.getByLabel('Shopper phone').fill('+1 416 555 0199')
    // Each phone shows the E.164 form it will be kept in.
    expect(await problemAt('Customer phone')).toBe('Saved as +16145550147')
    expect(await problemAt('Shopper phone')).toBe('Saved as +14165550199')
    await form.getByRole('button', { name: 'Create case' }).click()
    await form.waitFor({ state: 'hidden' })

    await expect.poll(() => header().innerText()).toContain('CR-2026-000001')
    await expect.poll(() => header().innerText()).toContain('Shopper threatened at drop-off')
    await tab('Tasks').click()
    await expect.poll(() => page.getByTestId('checklist-progress').innerText()).toBe('0 of 5 done')
    await tab('Parties').click()
    await expect.poll(() => page.getByTestId('case-parties').innerText()).toContain('Dana Okafor')
    await expect.poll(() => page.getByTestId('case-parties').innerText()).toContain('S-88017')
    const parties = await page.getByTestId('case-parties').innerText()
    for (const stored of ['+16145550147', '+14165550199', 'sam.ruiz@example.com'])
      expect(parties).toContain(stored)
  })

  it('offers the open case on the same order before opening a duplicate', async () => {
    await page.keyboard.press('Escape')
    await page.locator('body').press('n')
    const form = page.getByRole('dialog', { name: 'New case' })
    await form.getByLabel('Title').fill('Damaged car door at the same drop-off')
    await choose('Category', 'Property damage', form)
    await form.getByLabel('Order ID').fill('ORD-5520001')
    await form.getByLabel('Retailer', { exact: true }).fill('FreshCo')
    await form.getByLabel('Customer name').fill('Dana Okafor')
    await form.getByLabel('Customer account ID').fill('C-44120')
    await form.getByRole('button', { name: 'Create case' }).click()
    const duplicates = form.getByLabel('Possible duplicates')
    await expect.poll(() => duplicates.innerText()).toContain('CR-2026-000001')
    await expect.poll(() => duplicates.innerText()).toContain('same order ORD-5520001')
    await expect.poll(() => duplicates.innerText()).toContain('same account C-44120 (Dana Okafor)')
    await form.getByRole('button', { name: 'Create anyway' }).click()
    await form.waitFor({ state: 'hidden' })
    await expect.poll(() => header().innerText()).toContain('CR-2026-000002')

    // The customer's other case is listed on the party and opens from there.
    await tab('Parties').click()
    const prior = page.getByRole('region', { name: 'Prior cases of Dana Okafor' })
    await expect.poll(() => prior.innerText()).toContain('CR-2026-000001')
    await prior.getByRole('button', { name: /CR-2026-000001/ }).click()
    await expect.poll(() => header().innerText()).toContain('CR-2026-000001')
  })

  it('assigns it to me and tells me on the desktop when it becomes at risk; the notification opens it', async () => {
    await page.getByRole('button', { name: 'Assign to me' }).click()
    await expect.poll(() => header().innerText()).toContain('Assignee: Riley Chen')
    await queueRows(page).filter({ hasText: 'CR-2026-000002' }).click()
    await expect.poll(() => header().innerText()).toContain('CR-2026-000002')

    // S1: first response within 1 h, at risk in the last 15 min.
    await page.clock.fastForward('00:50:00')
    const notifications = () =>
      page.evaluate(() =>
        (
          window as unknown as { __notifications: Array<{ title: string; body: string }> }
        ).__notifications.map(({ title, body }) => `${title} | ${body}`),
      )
    await expect
      .poll(notifications)
      .toEqual(['CR-2026-000001: First response at risk | Shopper threatened at drop-off'])
    await page.evaluate(() =>
      (window as unknown as { __notifications: Array<{ onclick(): void }> }).__notifications[0]!.onclick(),
    )
    await expect.poll(() => header().innerText()).toContain('CR-2026-000001')
    // Announced once, not on every tick.
    await page.clock.fastForward('00:01:00')
    expect(await notifications()).toHaveLength(1)
  })

  it('pauses the resolution clock while awaiting a party, and resumes it after', async () => {
    const changeStatus = async (to: string) => {
      await page.getByRole('button', { name: 'Change status' }).click()
      await page.getByRole('menuitem', { name: to }).click()
      await expect.poll(() => header().innerText()).toContain(to)
    }
    await changeStatus('Triage')
    const resolution = header().getByTestId('sla-resolution')
    await expect.poll(() => header().getByTestId('sla-first_response').innerText()).toBe('First response met')
    await changeStatus('Awaiting party')
    // Opened 15:00, in triage a little after 15:50 (the page clock also moves with real time):
    // about 50 min of the 24 h used, and nothing more while paused, however long the wait.
    await expect.poll(() => resolution.innerText()).toMatch(/^Resolution paused · 23 h \d+ min left$/)
    const paused = await resolution.innerText()
    const minutesLeft = Number(paused.match(/23 h (\d+) min/)![1])
    expect(minutesLeft).toBeGreaterThanOrEqual(5)
    expect(minutesLeft).toBeLessThanOrEqual(10)
    // The Awaiting party view lists it (views are answered from a cache that a write must refresh).
    await choose('Queue view', /^Awaiting party/)
    await expect
      .poll(() => queueRows(page).allInnerTexts())
      .toEqual([expect.stringContaining('CR-2026-000001')])
    await page.clock.fastForward('03:00:00')
    await tab('Overview').click()
    await expect.poll(() => resolution.innerText()).toBe(paused)
    expect(await resolution.getAttribute('data-health')).toBe('ok')
    await changeStatus('Investigating')
    await expect.poll(() => resolution.innerText()).toMatch(/^Resolution 23 h \d+ min left$/)
    await expect.poll(() => queueRows(page).count()).toBe(0)
    await choose('Queue view', /^All cases/)
    await expect.poll(() => queueRows(page).count()).toBe(2)
    const resumedLeft = Number((await resolution.innerText()).match(/23 h (\d+) min/)![1])
    expect(minutesLeft - resumedLeft).toBeLessThanOrEqual(1)
    await expect.poll(() => page.getByText('Resolution clock paused: awaiting a party').count()).toBe(1)
  })

  it('logs a call, and it shows on the timeline', async () => {
    await tab('Communications').click()
    await page.getByRole('button', { name: 'Log call' }).click()
    const dialog = page.getByRole('dialog', { name: 'Log a call' })
    await choose('With', 'Dana Okafor (Customer)', dialog)
    await dialog.getByLabel('Duration').fill('12')
    await choose('Outcome', 'Reached', dialog)
    await dialog
      .getByLabel('Summary')
      .fill('Customer says the shopper was rude first; agreed to send the doorbell video.')
    await dialog.getByRole('button', { name: 'Log call' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await tab('Timeline').click()
    await expect.poll(timelineText).toContain('Call to Dana Okafor — Reached, 12 min')
    await expect.poll(timelineText).toContain('agreed to send the doorbell video')
  })

  it('sends a templated email: placeholders fill, unfilled ones block sending, and it is logged', async () => {
    await tab('Communications').click()
    await page.getByRole('button', { name: 'Compose email' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compose email' })
    await choose('To', 'Dana Okafor (Customer)', dialog)
    await choose('Template', 'Acknowledgement to customer', dialog)
    const preview = dialog.getByRole('region', { name: 'Email preview' })
    await expect.poll(() => preview.innerText()).toContain('We received your report — case CR-2026-000001')
    await expect.poll(() => preview.innerText()).toContain('Hi Dana,')
    await expect.poll(() => preview.innerText()).toContain('your order ORD-5520001')

    const message = dialog.getByLabel('Message')
    await message.fill(`${await message.inputValue()}\nP.S. {{party.nickname}}`)
    await expect.poll(() => dialog.getByLabel('Before sending').innerText()).toContain('{{party.nickname}}')
    expect(await dialog.getByRole('button', { name: 'Open in mail client' }).isDisabled()).toBe(true)
    await message.fill((await message.inputValue()).replace('\nP.S. {{party.nickname}}', ''))
    await dialog.getByRole('button', { name: 'Open in mail client' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const drafts = await page.evaluate(() => (window as unknown as { __mailDrafts: string[] }).__mailDrafts)
    expect(drafts).toHaveLength(1)
    expect(drafts[0]).toMatch(/^mailto:dana\.okafor@example\.com\?subject=We%20received%20your%20report/)
    expect(decodeURIComponent(drafts[0]!)).toContain('Hi Dana,')

    // The same email, copied instead.
    await page.getByRole('button', { name: 'Compose email' }).click()
    // The shopper has an email address too (from intake): choose the customer.
    await choose('To', 'Dana Okafor (Customer)', dialog)
    await choose('Template', 'Follow-up: information received', dialog)
    await dialog.getByRole('button', { name: 'Copy and log' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      'Subject: Thank you — case CR-2026-000001',
    )

    await tab('Timeline').click()
    await expect
      .poll(timelineText)
      .toContain('Email to Dana Okafor: We received your report — case CR-2026-000001')
    await expect.poll(timelineText).toContain('Email to Dana Okafor: Thank you — case CR-2026-000001')
    await choose('Show', 'Communication (3)')
    await expect.poll(timelineText).not.toContain('Status:')
    await choose('Show', /^Every kind/)
    await expect.poll(timelineText).toContain('Status: Triage → Awaiting party')
  })

  it('completes, adds and reorders checklist tasks', async () => {
    await tab('Tasks').click()
    // Ticked state comes back from the database, so wait for it rather than expect it at once.
    for (const task of ['Preserve the messages and call logs', "Take the reporting party's statement"]) {
      const box = page.getByRole('checkbox', { name: task })
      await box.click()
      await expect.poll(() => box.isChecked()).toBe(true)
    }
    await expect.poll(() => page.getByTestId('checklist-progress').innerText()).toBe('2 of 5 done')
    await page.getByLabel('Add a task').fill('Request the doorbell video')
    await page.getByLabel('Add a task').press('Enter')
    await expect.poll(() => page.getByTestId('checklist-progress').innerText()).toBe('2 of 6 done')
    await page.getByRole('button', { name: 'Move "Request the doorbell video" up' }).click()
    const checklist = page.getByRole('list', { name: 'Investigation checklist' })
    await expect
      .poll(async () =>
        (
          await checklist
            .getByRole('checkbox')
            .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label')))
        ).slice(-2),
      )
      .toEqual(['Request the doorbell video', 'Block contact between the parties'])
    expect(await checklist.innerText()).toContain('Done by Riley Chen')
  })

  it('adds a timeline event (from the command palette) and a note', async () => {
    await tab('Overview').click()
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Command palette' })
    await palette.getByRole('combobox', { name: 'Command' }).fill('timeline event')
    expect(await palette.getByRole('option').allInnerTexts()).toEqual(['Add a timeline event'])
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Add timeline event' })
    await dialog.getByLabel('When it happened').fill('2026-11-24T09:40')
    await dialog.getByLabel('What happened').fill('Police report filed by the shopper')
    await dialog.getByRole('button', { name: 'Add event' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Oldest first' }).click()
    await expect
      .poll(async () => (await timelineText()).indexOf('Police report filed'))
      .toBeGreaterThanOrEqual(0)

    // Ctrl+K → "Add a note" opens the Notes tab with the cursor in the new note.
    await page.keyboard.press('Control+k')
    await palette.getByRole('combobox', { name: 'Command' }).fill('add a note')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByLabel('New note').evaluate((field) => field === document.activeElement))
      .toBe(true)
    await page.getByLabel('New note').fill('Shopper sounded shaken; offer the safety line.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect.poll(() => page.getByTestId('case-note').innerText()).toContain('offer the safety line')
    await page.getByTestId('case-note').getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Edit note').fill('Shopper sounded shaken; safety line offered.')
    await page.getByRole('button', { name: 'Save note' }).click()
    await expect.poll(() => page.getByTestId('case-note').innerText()).toContain('safety line offered')
    await expect.poll(() => page.getByTestId('case-note').innerText()).toContain('edited')
  })

  it('adds, edits and removes a party', async () => {
    await tab('Parties').click()
    await page.getByRole('button', { name: 'Add party' }).click()
    const add = page.getByRole('dialog', { name: 'Add party' })
    await choose('Role', 'Witness', add)
    await add.getByLabel('Name').fill('Lee Park')
    // The same phone check as intake's: refused with the reason, then kept as E.164.
    await add.getByLabel('Phone').fill('abc')
    await expect.poll(() => add.getByText('A phone number is digits').isVisible()).toBe(true)
    expect(await add.getByRole('button', { name: 'Add party' }).isDisabled()).toBe(true)
    await add.getByLabel('Phone').fill('614 555 0199')
    await expect.poll(() => add.getByText('Saved as +16145550199').isVisible()).toBe(true)
    await add.getByRole('button', { name: 'Add party' }).click()
    await add.waitFor({ state: 'hidden' })
    const witness = page.getByRole('article', { name: 'Lee Park' })
    await expect.poll(() => witness.innerText()).toContain('+16145550199')

    await witness.getByRole('button', { name: 'Edit' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit Lee Park' })
    await edit.getByLabel('Name').fill('Lee Parker')
    await edit.getByRole('button', { name: 'Save party' }).click()
    await edit.waitFor({ state: 'hidden' })
    const renamed = page.getByRole('article', { name: 'Lee Parker' })
    await expect.poll(() => renamed.isVisible()).toBe(true)

    await renamed.getByRole('button', { name: 'Remove' }).click()
    await page.getByRole('button', { name: 'Remove party' }).click()
    await expect.poll(() => renamed.count()).toBe(0)
  })

  it('uses an email template edited in Settings', async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    const templates = page.getByRole('region', { name: 'Email templates' })
    await templates.getByRole('button', { name: 'Follow-up: no reply yet' }).click()
    await templates
      .getByLabel('Template subject')
      .fill('Still waiting to hear from you — case {{case.number}}')
    await templates.getByRole('button', { name: 'Save template' }).click()
    await expect
      .poll(() => page.getByText('Template "Follow-up: no reply yet" saved.').isVisible())
      .toBe(true)
    await page.keyboard.press('Escape')

    await tab('Communications').click()
    await page.getByRole('button', { name: 'Compose email' }).click()
    const dialog = page.getByRole('dialog', { name: 'Compose email' })
    await choose('To', 'Dana Okafor (Customer)', dialog)
    await choose('Template', 'Follow-up: no reply yet', dialog)
    await expect
      .poll(() => dialog.getByTestId('preview-subject').innerText())
      .toBe('Still waiting to hear from you — case CR-2026-000001')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  it('edits the case details: a lower severity re-times the SLA clock', async () => {
    await page.getByRole('button', { name: 'Edit details' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit CR-2026-000001' })
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Shopper threatened at drop-off')
    await choose('Severity', 'S2', dialog)
    await dialog.getByLabel('Tags').fill('police-report, repeat-customer')
    await dialog.getByLabel('Occurred').fill('2099-01-01T10:00')
    await dialog.getByRole('button', { name: 'Save details' }).click()
    await expect.poll(() => dialog.getByText('This is in the future').isVisible()).toBe(true)
    await dialog.getByLabel('Occurred').fill('2026-11-24T14:30')
    await dialog.getByRole('button', { name: 'Save details' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => header().innerText()).toContain('S2')
    await expect.poll(() => header().innerText()).toContain('repeat-customer')
    // S2 resolution is 72 h instead of 24 h: about two days more than before.
    await expect
      .poll(() => header().getByTestId('sla-resolution').innerText())
      .toMatch(/^Resolution 2 d \d+ h left$/)
  })

  it('lists every one of these changes in the audit tab', async () => {
    await tab('Audit').click()
    const audit = page.getByRole('list', { name: 'Audit log' })
    const text = () => audit.innerText()
    for (const line of [
      'Opened case CR-2026-000001',
      'Added customer Dana Okafor',
      'assigneeName: ∅ → Riley Chen',
      'status: new → triage',
      'status: triage → awaiting_party',
      'status: awaiting_party → investigating',
      'Added outgoing call — reached, 12 min',
      'Added outgoing email',
      'Changed task "Preserve the messages and call logs"',
      'done: false → true',
      'Added task "Request the doorbell video"',
      'Added event "Police report filed by the shopper"',
      'Changed a note',
      'Removed witness Lee Parker',
      'severity: S1 → S2',
    ]) {
      await expect.poll(text).toContain(line)
    }
  })

  it('moves a case to the top of "most recently updated" when a note is added to it', async () => {
    await choose('Queue view', /^All cases/)
    const order = () =>
      queueRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-number')))
    await expect.poll(order).toEqual(['CR-2026-000001', 'CR-2026-000002'])
    await queueRows(page).filter({ hasText: 'CR-2026-000002' }).click()
    await expect.poll(() => header().innerText()).toContain('CR-2026-000002')
    await page.clock.fastForward('00:05:00')
    await tab('Notes').click()
    await page.getByLabel('New note').fill('Customer called back about the car door.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect.poll(order).toEqual(['CR-2026-000002', 'CR-2026-000001'])
    expect(await queueRows(page).first().innerText()).toContain('just now')
  })
})
