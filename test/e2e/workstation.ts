// Steps an analyst takes in the app, shared by e2e tests and the bench. Playwright's own waiting is
// used (not vitest's expect) so the bench can run them outside a test.
import type { Locator, Page } from 'playwright-core'

/** Answers the first-run "who is working" dialog. */
export async function identifyAs(page: Page, analyst: { name: string; id: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /who is working/i })
  await dialog.getByLabel('Your name').fill(analyst.name)
  await dialog.getByLabel('Analyst ID').fill(analyst.id)
  await dialog.getByRole('button', { name: 'Start working' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

export async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('heading', { name: 'Settings' }).waitFor()
}

/** Loads the demo dataset from Settings and waits for the confirmation. */
export async function loadDemoData(page: Page, count: 500 | 5000 | 100000, timeout = 120_000): Promise<void> {
  await page.getByLabel('Number of demo cases').click()
  await page.getByRole('option', { name: count.toLocaleString('en-US') }).click()
  await page.getByRole('button', { name: 'Load demo data' }).click()
  await page.getByText(`Loaded ${count.toLocaleString('en-US')} demo cases.`).waitFor({ timeout })
}

/** Picks an option of a select (MUI's combobox) by its label, within `scope` (a dialog, say). */
export async function chooseOption(
  page: Page,
  label: string,
  option: string | RegExp,
  scope: Page | Locator = page,
): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
}

/** Adds a party to the open case from its Parties tab (contact details when given). */
export async function addParty(
  page: Page,
  party: { name: string; role: string; phone?: string; email?: string; address?: string },
): Promise<void> {
  await page.getByRole('tab', { name: 'Parties', exact: true }).click()
  await page.getByRole('button', { name: 'Add party' }).click()
  const add = page.getByRole('dialog', { name: 'Add party' })
  await chooseOption(page, 'Role', party.role, add)
  await add.getByLabel('Name').fill(party.name)
  if (party.phone) await add.getByLabel('Phone').fill(party.phone)
  if (party.email) await add.getByLabel('Email').fill(party.email)
  if (party.address) await add.getByLabel('Address').fill(party.address)
  await add.getByRole('button', { name: 'Add party' }).click()
  await add.waitFor({ state: 'hidden' })
}

export function queueRows(page: Page): Locator {
  return page.getByTestId('queue-row')
}

/** Opens a case with just a title from the New case form, and waits until it is the open case. */
export async function createCase(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click()
  const form = page.getByRole('dialog', { name: 'New case' })
  await form.getByLabel('Title').fill(title)
  await form.getByRole('button', { name: 'Create case' }).click()
  await form.waitFor({ state: 'hidden' })
  await page.getByTestId('case-header').filter({ hasText: title }).waitFor()
}

/** Where most evidence tests start: an analyst at work on a new case, on its Evidence tab. */
export async function startOnEvidenceTab(page: Page, caseTitle: string): Promise<void> {
  await identifyAs(page, { name: 'Riley Chen', id: 'analyst-017' })
  await createCase(page, caseTitle)
  await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
}

/** Drags across `target` between two points given as fractions of its on-screen box. */
export async function dragAcross(page: Page, target: Locator, from: [number, number], to: [number, number]) {
  const box = (await target.boundingBox())!
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height)
  await page.mouse.down()
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 6 })
  await page.mouse.up()
}
