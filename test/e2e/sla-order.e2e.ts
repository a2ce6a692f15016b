import {
  type CaseFile,
  type CaseStatus,
  emptyCaseFile,
  formatCaseNumber,
  type SlaClockEvent,
} from '@shared/domain'
import { writeCaseBundle } from '@shared/formats/bundle/write'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, openApp } from './browser'
import { chooseOption, identifyAs, queueRows } from './workstation'

// Cases whose resolution clocks ran, paused and resumed, brought in as a case bundle and read in the
// queue 30 days after the first was opened.
const OPENED = Date.parse('2026-06-01T12:00:00.000Z')
const DAY = 86_400_000
const day = (n: number) => new Date(OPENED + n * DAY).toISOString()
const analyst = { id: 'analyst-017', name: 'Riley Chen' }

/** An S3 case (resolution: 7 days) moved through the given statuses; its due instant as the exporter stored it. */
function bundledCase(sequence: number, title: string, opened: number, steps: Array<[number, CaseStatus]>) {
  const slaEvents: SlaClockEvent[] = [
    { type: 'opened', at: day(opened), status: 'new', severity: 'S3' },
    ...steps.map(([on, status]): SlaClockEvent => ({ type: 'status', at: day(on), status })),
  ]
  const status = steps.at(-1)![1]
  return emptyCaseFile({
    id: `case-${sequence}`,
    caseNumber: formatCaseNumber(2026, sequence),
    title,
    summary: '',
    category: 'property_damage',
    severity: 'S3',
    status,
    source: 'support',
    assigneeId: analyst.id,
    assigneeName: analyst.name,
    tags: [],
    occurredAt: null,
    location: '',
    order: null,
    slaEvents,
    // As an older workstation stored it: due when first breached, pauses or not.
    slaDueAt: status === 'awaiting_party' ? '9999-12-31T23:59:59.999Z' : day(opened + 7),
    slaAtRiskAt: status === 'awaiting_party' ? '9999-12-31T23:59:59.999Z' : day(opened + 5.25),
    createdAt: day(opened),
    createdBy: analyst,
    updatedAt: steps.at(-1)![0] ? day(steps.at(-1)![0]) : day(opened),
  })
}

const caseFiles: CaseFile[] = [
  bundledCase(1, 'Never paused', 0, [[0.05, 'investigating']]),
  // Breached on day 7, then 12 days awaiting a party that do not count.
  bundledCase(2, 'Resumed after its breach', 0, [
    [0.05, 'investigating'],
    [8, 'awaiting_party'],
    [20, 'investigating'],
  ]),
  bundledCase(3, 'Opened later', 5, [[5.05, 'investigating']]),
  bundledCase(4, 'Waiting on the shopper', 0, [
    [0.05, 'investigating'],
    [9, 'awaiting_party'],
  ]),
]

let browser: Browser
let context: BrowserContext
let page: Page
let pageErrors: Error[]

beforeAll(async () => {
  browser = await launchChromium()
  ;({ context, page, pageErrors } = await openApp(browser, { clockAt: new Date(day(30)) }))
  await identifyAs(page, analyst)
  const bundle = writeCaseBundle({
    caseFiles,
    evidenceFiles: new Map(),
    exportedAt: day(29),
    exportedBy: analyst,
    appVersion: '0.0.0-test',
  })
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import or export cases' }).click()
  await page.getByRole('menuitem', { name: /Import case bundle/ }).click()
  await (await chooser).setFiles({
    name: 'cases.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(bundle),
  })
  await page.getByText(/Imported 4 cases/).waitFor()
}, 60_000)

afterAll(async () => {
  expect(pageErrors).toEqual([])
  await context?.close()
  await browser?.close()
})

const titleOf = new Map(caseFiles.map((file) => [file.case.caseNumber, file.case.title]))

/** Each row's case title and SLA chip, top to bottom. */
const rows = async () =>
  (
    await queueRows(page).evaluateAll((found) =>
      found.map((row) => [
        row.getAttribute('data-case-number') ?? '',
        row.querySelector('[data-testid^="sla-"]')?.textContent ?? '',
      ]),
    )
  ).map(([caseNumber, chip]) => [titleOf.get(caseNumber!), chip])

describe('SLA due order on paused and resumed clocks', () => {
  it('lists Breached by the time over its chips show, a resumed clock by what it has used', async () => {
    await chooseOption(page, 'Queue view', /^Breached/)
    await expect.poll(rows).toEqual([
      ['Never paused', 'Res −23 d'],
      ['Opened later', 'Res −18 d'],
      ['Resumed after its breach', 'Res −11 d'],
    ])
  })

  it('sorts "SLA due (soonest first)" the same way, with the paused case last', async () => {
    await chooseOption(page, 'Queue view', /^All cases/)
    await page.getByRole('button', { name: 'Filter' }).click()
    await chooseOption(page, 'Sort', 'SLA due (soonest first)')
    await expect.poll(rows).toEqual([
      ['Never paused', 'Res −23 d'],
      ['Opened later', 'Res −18 d'],
      ['Resumed after its breach', 'Res −11 d'],
      ['Waiting on the shopper', 'Res paused −2 d'],
    ])
  })
})
