// The issue-7 budgets: the metrics dashboard (computes and renders) and the similar-cases lookup,
// measured in the page over the loaded dataset. Used by scripts/bench.ts.
import type { Page } from 'playwright-core'
import { chooseOption, openSettings } from '../../test/e2e/workstation'

const CHARTS = [
  'Open cases by status and severity',
  'SLA compliance by week',
  'Outcomes by category',
  'Cases per analyst',
]

export interface DashboardTiming {
  /** Click on "Dashboard" to every chart drawn. */
  ms: number
  /** The app's own marks: reading the cases and computing the numbers. */
  readMs: number
  computeMs: number
  cases: number
}

/** Sets the dashboard's range with one of its presets (kept for the next opening). */
export async function chooseDashboardRange(page: Page, preset: string): Promise<void> {
  await page.getByRole('button', { name: 'Dashboard' }).click()
  const dashboard = page.getByRole('dialog', { name: 'Case metrics' })
  await dashboard.getByRole('button', { name: preset }).click()
  await dashboard.getByTestId('dashboard-ready').waitFor({ timeout: 120_000 })
  await page.getByRole('button', { name: 'Close the dashboard' }).click()
  await dashboard.waitFor({ state: 'hidden' })
}

/** Opens the dashboard and times it until every chart has drawn its SVG; then closes it. */
export async function timeDashboard(page: Page): Promise<DashboardTiming> {
  await page.evaluate(() => performance.clearMeasures())
  const ms = await page.evaluate(
    (charts) =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLElement>('button[aria-label="Dashboard"]')!
        const started = performance.now()
        button.click()
        const check = () => {
          const ready = document.querySelector('[data-testid="dashboard-ready"]')
          const drawn =
            ready &&
            charts.every((name) =>
              document.querySelector(
                `section[aria-label="${name}"] svg path, section[aria-label="${name}"] svg rect`,
              ),
            )
          if (drawn) resolve(performance.now() - started)
          else if (performance.now() - started > 60_000) reject(new Error('the dashboard did not draw'))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    CHARTS,
  )
  const dashboard = page.getByRole('dialog', { name: 'Case metrics' })
  const cases = Number(await dashboard.getByTestId('dashboard-case-count').innerText())
  const marks = await page.evaluate(() => ({
    readMs: performance.getEntriesByName('dashboard:read').at(-1)?.duration ?? Number.NaN,
    computeMs: performance.getEntriesByName('dashboard:compute').at(-1)?.duration ?? Number.NaN,
  }))
  await page.getByRole('button', { name: 'Close the dashboard' }).click()
  await dashboard.waitFor({ state: 'hidden' })
  return { ms, cases, ...marks }
}

/**
 * A case of the busiest kind (property damage, PD-1 found violated) whose Determination tab shows
 * the similar past cases: the lookup reads every past property-damage decision on PD-1.
 */
export async function prepareSimilarCase(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click()
  const form = page.getByRole('dialog', { name: 'New case' })
  await form.getByLabel('Title').fill('Bench: garage door struck during delivery')
  await form.getByRole('button', { name: 'Create case' }).click()
  await form.waitFor({ state: 'hidden' })
  await page.getByRole('tab', { name: 'Parties', exact: true }).click()
  await page.getByRole('button', { name: 'Add party' }).click()
  const add = page.getByRole('dialog', { name: 'Add party' })
  await chooseOption(page, 'Role', 'Shopper', add)
  await add.getByLabel('Name').fill('Bench Shopper')
  await add.getByRole('button', { name: 'Add party' }).click()
  await add.waitFor({ state: 'hidden' })
  await page.getByRole('tab', { name: 'Determination', exact: true }).click()
  await page.getByRole('button', { name: 'Record determination' }).click()
  const dialog = page.getByRole('dialog', { name: /^Determination for/ })
  await dialog.getByRole('combobox', { name: 'Consider a clause' }).fill('PD-1')
  await page.getByRole('option', { name: /^PD-1 / }).click()
  await dialog.getByRole('switch', { name: 'PD-1 violated' }).check()
  await dialog.getByRole('button', { name: 'Save determination' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page
    .getByRole('region', { name: 'Similar past cases' })
    .getByText(/past decisions? on/)
    .waitFor({ timeout: 60_000 })
}

export interface SimilarCasesTiming {
  /** The lookup itself (the app's mark). */
  lookupMs: number
  /** Click on the Determination tab to the distribution on screen. */
  tabMs: number
  decisions: number
}

/** Leaves the Determination tab and comes back, timing the similar cases shown again. */
export async function timeSimilarCases(page: Page): Promise<SimilarCasesTiming> {
  await page.getByRole('tab', { name: 'Overview', exact: true }).click()
  await page.evaluate(() => performance.clearMeasures())
  const tabMs = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find(
          (candidate) => candidate.textContent === 'Determination',
        )!
        const started = performance.now()
        tab.click()
        const check = () => {
          const panel = document.querySelector('section[aria-label="Similar past cases"]')
          if (panel?.textContent?.includes('past decision')) resolve(performance.now() - started)
          else if (performance.now() - started > 30_000) reject(new Error('no similar cases shown'))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
  )
  const text = await page.getByRole('region', { name: 'Similar past cases' }).innerText()
  const lookupMs = await page.evaluate(
    () => performance.getEntriesByName('similar-cases:lookup').at(-1)?.duration ?? Number.NaN,
  )
  return { lookupMs, tabMs, decisions: Number(/(\d+) past decision/.exec(text)?.[1] ?? Number.NaN) }
}

/**
 * Saves a new SLA policy (S3 first response 5 h) and then the defaults again, each timed from the
 * click on Save to the confirmation: every open case is re-timed and every case's compliance recounted
 * under the new policy (the day tallies depend on it).
 */
export async function timeSlaPolicySaves(page: Page): Promise<{ changedMs: number; restoredMs: number }> {
  await openSettings(page)
  const policy = page.getByRole('form', { name: 'SLA policy' })
  const save = async () => {
    const started = Date.now()
    await policy.getByRole('button', { name: 'Save SLA policy' }).click()
    await page.getByText(/SLA policy saved/).waitFor({ timeout: 10 * 60_000 })
    const ms = Date.now() - started
    await page
      .getByText(/SLA policy saved/)
      .waitFor({ state: 'hidden', timeout: 60_000 })
      .catch(() => {})
    return ms
  }
  await policy.getByRole('spinbutton', { name: 'S3 first response', exact: true }).fill('5')
  const changedMs = await save()
  await policy.getByRole('button', { name: 'Use the default targets' }).click()
  const restoredMs = await save()
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click()
  return { changedMs, restoredMs }
}
