import { readFileSync } from 'node:fs'
import { demoPhoto } from '@shared/demo/photo'
import { SeededRandom } from '@shared/demo/random'
import { offsetPoint } from '@shared/rules/orders/location-checks'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { startOnEvidenceTab } from './workstation'

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

/** The documented example export (docs/order-format.md). */
const exampleOrder = () => /```json\n([\s\S]*?)```/.exec(readFileSync('docs/order-format.md', 'utf8'))![1]!
const DROP_OFF = { lat: 39.96341, lon: -82.99512 }

/** A phone photo with EXIF: taken two minutes after the delivery (09:14 at UTC−5), `metres` north of the drop-off. */
function photoAt(metres: number): Buffer {
  const point = offsetPoint(DROP_OFF, 0, metres)
  return Buffer.from(
    demoPhoto(new SeededRandom(metres), {
      make: 'Pixel',
      model: '8',
      dateTimeOriginal: '2026:11:24 09:14:00',
      offsetTimeOriginal: '-05:00',
      latitude: point.lat,
      longitude: point.lon,
    }),
  )
}

async function importOrder(name: string, text: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import order…' }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
}

const tab = (name: string) => page.getByRole('tab', { name, exact: true })

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser))
  await startOnEvidenceTab(page, 'Groceries left at the wrong house')
  await page.getByLabel('Evidence files').setInputFiles([
    { name: 'porch.jpg', mimeType: 'image/jpeg', buffer: photoAt(30) },
    { name: 'wrong-house.jpg', mimeType: 'image/jpeg', buffer: photoAt(620) },
  ])
  await page.getByRole('list', { name: 'Evidence imports' }).getByText('Added as E-2 (image/jpeg)').waitFor()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

describe('order evidence', () => {
  it('refuses a broken export with the reason, and keeps nothing of it', async () => {
    await tab('Order').click()
    const broken = JSON.parse(exampleOrder())
    broken.dropOff.location.lat = 123
    await importOrder('broken.json', JSON.stringify(broken))
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'broken.json was not imported' }).innerText())
      .toContain('dropOff.location.lat: a latitude is -90 to 90')
    await importOrder('not-json.json', '{"orderId": "ORD-1", ')
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'not-json.json' }).innerText())
      .toContain('not valid JSON')
    expect(await page.getByText('No order on this case yet.').isVisible()).toBe(true)
  })

  it('imports an order, flags the photo taken far from the drop-off, and shows the chat with the events', async () => {
    await importOrder('order.json', exampleOrder())
    const order = page.getByRole('region', { name: 'Order ORD-4417200931' })
    await order.waitFor()
    expect(await order.innerText()).toContain('14 Alder Lane, Columbus, OH 43214')
    const summary = order.getByTestId('location-check-summary')
    await expect.poll(() => summary.innerText()).toContain('E-2 wrong-house.jpg')
    expect(await summary.innerText()).not.toContain('E-1 porch.jpg')
    const checks = order.getByRole('table', { name: 'Location and time checks' })
    const row = (label: string) => checks.getByRole('row').filter({ hasText: label })
    expect(await row('E-2 wrong-house.jpg').innerText()).toMatch(/6\d\d m.*2 min after.*Over 150 m away/s)
    expect(await row('E-1 porch.jpg').innerText()).toMatch(/\d\d m.*2 min after.*Within range/s)
    expect(
      await order.getByRole('img', { name: /Positions around the drop-off/ }).getAttribute('aria-label'),
    ).toMatch(/beyond 150 m/)
    await page.screenshot({ path: 'docs/screenshots/order.png', animations: 'disabled' })
    const chat = order.getByLabel('Order chat')
    const chatText = await chat.innerText()
    expect(chatText.indexOf("I'm about 5 minutes away")).toBeLessThan(
      chatText.indexOf('Shopper arrived at the customer'),
    )
    expect(chatText.indexOf('Shopper arrived at the customer')).toBeLessThan(chatText.indexOf('side door'))
  })

  it('puts the order’s events on the timeline as order data', async () => {
    await tab('Timeline').click()
    const timeline = page.getByTestId('case-timeline')
    await expect.poll(() => timeline.innerText()).toContain('Delivered (order ORD-4417200931)')
    const delivered = timeline.getByRole('listitem').filter({ hasText: 'Delivered (order ORD-4417200931)' })
    expect(await delivered.innerText()).toContain('Order data')
    expect(await delivered.innerText()).toMatch(/GPS 39\.96339, -82\.99515 · \d+ m from the drop-off/)
  })

  it('replaces the order when a newer export of it is imported', async () => {
    await tab('Order').click()
    const newer = JSON.parse(exampleOrder())
    newer.items.push({ name: 'Cheddar, 400 g', quantity: 1, price: 7.49 })
    await importOrder('order-v2.json', JSON.stringify(newer))
    await expect
      .poll(() => page.getByRole('region', { name: 'Order ORD-4417200931' }).innerText())
      .toContain('Cheddar')
    expect(await page.getByRole('region', { name: /^Order ORD-/ }).count()).toBe(1)
  })
})
