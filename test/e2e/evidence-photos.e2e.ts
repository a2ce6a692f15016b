import { demoPhoto } from '@shared/demo/photo'
import { SeededRandom } from '@shared/demo/random'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { startOnEvidenceTab } from './workstation'

/**
 * Photos as customers and shoppers send them: capture times with and without the camera's UTC
 * offset, seen by an analyst in another zone (Los Angeles) than the camera (UTC−05:00).
 */

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

const photo = (seed: number, offsetTimeOriginal: string) =>
  Buffer.from(
    demoPhoto(new SeededRandom(seed), {
      make: 'Pixel',
      model: '8',
      dateTimeOriginal: '2026:11:03 18:42:17',
      offsetTimeOriginal,
      latitude: 30.2672,
      longitude: -97.7431,
    }),
  )

const evidenceList = () => page.getByRole('list', { name: 'Evidence', exact: true })
const viewer = () => page.getByLabel('Evidence viewer')
const photoFacts = () => viewer().getByRole('region', { name: 'Photo metadata' })

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser, { timezoneId: 'America/Los_Angeles' }))
  await startOnEvidenceTab(page, 'Porch photo times')
  await page.getByLabel('Evidence files').setInputFiles([
    { name: 'with-offset.jpg', mimeType: 'image/jpeg', buffer: photo(1, '-05:00') },
    { name: 'no-offset.jpg', mimeType: 'image/jpeg', buffer: photo(2, '') },
  ])
  await page.getByRole('list', { name: 'Evidence imports' }).getByText('Added as E-2 (image/jpeg)').waitFor()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('photo capture times', () => {
  it('shows what the camera recorded with its offset, and the same moment in the analyst’s zone', async () => {
    await evidenceList()
      .getByRole('button', { name: /^E-1 with-offset\.jpg/ })
      .click()
    await expect
      .poll(() => photoFacts().innerText())
      .toContain('2026-11-03 18:42:17 UTC−05:00 (camera) · Nov 3, 2026, 3:42:17 PM PST here')
    await photoFacts().getByRole('button', { name: 'Add capture time to timeline' }).click()
    await page.getByRole('tab', { name: 'Timeline', exact: true }).click()
    const timeline = page.getByTestId('case-timeline')
    // The timeline places the same moment: 18:42 at UTC−5 is 3:42 PM in Los Angeles.
    await expect
      .poll(() => timeline.innerText())
      .toMatch(/Nov 3, 2026, 3:42 PM[\s\S]*E-1 photo taken \(Pixel 8\)/)
    expect(await timeline.innerText()).toContain('The camera recorded 2026-11-03 18:42:17 UTC−05:00.')
    await page.getByRole('tab', { name: 'Evidence', exact: true }).click()
  })

  it('says the zone is unknown when the camera recorded none, and invents none', async () => {
    await evidenceList()
      .getByRole('button', { name: /^E-2 no-offset\.jpg/ })
      .click()
    await expect
      .poll(() => photoFacts().innerText())
      .toContain('2026-11-03 18:42:17 (time zone unknown) (camera)')
    expect(await photoFacts().innerText()).not.toContain(' here')
    // No moment to put on the timeline by itself: the analyst checks it in the event dialog.
    await photoFacts().getByRole('button', { name: 'Add capture time to timeline…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add timeline event' })
    expect(await dialog.getByLabel('Details').inputValue()).toContain(
      'The camera recorded 2026-11-03 18:42:17 (time zone unknown): check the time',
    )
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })
})
