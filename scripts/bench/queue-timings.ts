// In-page timings for the queue budgets. Each measurement starts inside the page right before the
// input event and ends on the animation frame where the updated rows are in the DOM, so no
// DevTools-protocol round trip is counted.
import type { Page } from 'playwright-core'

export interface Timings {
  samples: number[]
  p50: number
  p95: number
  max: number
}

/**
 * tsx compiles these files with esbuild's keepNames, which wraps functions in `__name(...)`; the
 * functions passed to page.evaluate carry that call into the page, so the page needs the helper.
 */
export async function prepareTimings(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name = globalThis.__name || ((fn) => fn)')
}

export function summarise(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  return { samples, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! }
}

export const describeTimings = (t: Timings) =>
  `p95 ${t.p95.toFixed(0)} ms (median ${t.p50.toFixed(0)}, max ${t.max.toFixed(0)}, n=${t.samples.length})`

/**
 * Runs `act` in the page and resolves with the milliseconds until the queue has read its new id list
 * and rendered the rows for it (the grid's data-ids-version / data-rows-current), checked every
 * animation frame; 10 s at most.
 */
async function timeQueueChange(page: Page, act: string, argument: string): Promise<number> {
  return page.evaluate(
    ([act, argument]) =>
      new Promise<number>((resolve, reject) => {
        const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Case queue"]')!
        const before = grid.dataset.idsVersion
        const started = performance.now()
        new Function('argument', act)(argument)
        const check = () => {
          const settled = grid.dataset.idsVersion !== before && grid.dataset.rowsCurrent === 'true'
          if (settled) resolve(performance.now() - started)
          else if (performance.now() - started > 10_000) reject(new Error(`no queue change after: ${act}`))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      }),
    [act, argument] as const,
  )
}

/** Picks a queue view from the picker: the menu is opened first (not timed), the option click is. */
export async function timeViewSwitch(page: Page, viewLabel: string): Promise<number> {
  await page.getByRole('combobox', { name: 'Queue view' }).click()
  const option = page.getByRole('option', { name: new RegExp(`^${viewLabel}`) })
  await option.waitFor()
  await option.evaluate((element) => element.setAttribute('data-bench-target', 'view'))
  const elapsed = await timeQueueChange(
    page,
    `document.querySelector('[data-bench-target="view"]').click()`,
    '',
  )
  await page.getByRole('listbox').waitFor({ state: 'hidden' })
  return elapsed
}

/** Types into the queue filter's Text field one character at a time, timing each keystroke. */
export async function timeFilterTyping(page: Page, text: string): Promise<number[]> {
  const field = page.getByRole('region', { name: 'Queue filter' }).getByLabel('Text')
  await field.waitFor()
  await field.evaluate((element) => element.setAttribute('data-bench-target', 'filter-text'))
  const samples: number[] = []
  for (let length = 1; length <= text.length; length++) {
    samples.push(
      await timeQueueChange(
        page,
        `const input = document.querySelector('[data-bench-target="filter-text"]')
         const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
         setValue.call(input, argument)
         input.dispatchEvent(new Event('input', { bubbles: true }))`,
        text.slice(0, length),
      ),
    )
  }
  return samples
}

/** Clicks queue rows one after another, timing each until the case header names that case. */
export async function timeCaseOpen(page: Page, rows: number): Promise<number[]> {
  const samples: number[] = []
  for (let index = 0; index < rows; index++) {
    samples.push(
      await page.evaluate(
        (index) =>
          new Promise<number>((resolve, reject) => {
            const row = document.querySelectorAll<HTMLElement>('[data-testid="queue-row"]')[index]
            if (!row) return reject(new Error(`no queue row ${index}`))
            const caseNumber = row.getAttribute('data-case-number')!
            const started = performance.now()
            row.click()
            const check = () => {
              const header = document.querySelector('[data-testid="case-header"]')?.textContent ?? ''
              if (header.includes(caseNumber)) resolve(performance.now() - started)
              else if (performance.now() - started > 10_000) reject(new Error(`${caseNumber} did not open`))
              else requestAnimationFrame(check)
            }
            requestAnimationFrame(check)
          }),
        index % 12,
      ),
    )
  }
  return samples
}

/**
 * Scrolls the queue from top to bottom, ten screens per frame, and reports the long tasks (over
 * 50 ms) Chromium saw meanwhile.
 */
export async function scrollWholeQueue(
  page: Page,
): Promise<{ frames: number; longTasks: number[]; ms: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Case queue"]')!
        const longTasks: number[] = []
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration)
        })
        observer.observe({ type: 'longtask' })
        grid.scrollTop = 0
        let frames = 0
        const started = performance.now()
        const step = () => {
          frames++
          grid.scrollTop += grid.clientHeight * 10
          if (grid.scrollTop + grid.clientHeight < grid.scrollHeight - 1) requestAnimationFrame(step)
          // Let the last rows load before the observer is read.
          else
            setTimeout(() => {
              observer.disconnect()
              resolve({ frames, longTasks, ms: performance.now() - started })
            }, 500)
        }
        requestAnimationFrame(step)
      }),
  )
}
