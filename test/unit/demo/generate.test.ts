import { createHash } from 'node:crypto'
import { DEMO_TAG, type DemoCase } from '@shared/demo/generate'
import { CaseFileSchema, deliveredAt, INCIDENT_CATEGORIES, parseCaseNumber } from '@shared/domain'
import { distanceMetres } from '@shared/rules/orders/location-checks'
import { caseSlaInstants } from '@shared/rules/sla/case-sla'
import { computeSlaClocks } from '@shared/rules/sla/clock'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import exifr from 'exifr'
import { decode } from 'jpeg-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoCaseFiles } from './demo-cases'

let cases: DemoCase[]

beforeAll(async () => {
  cases = await demoCaseFiles({ seed: 7, count: 500 })
})

describe('demo dataset', () => {
  it('is the same for the same seed and different for another', async () => {
    const again = await demoCaseFiles({ seed: 7, count: 500 })
    expect(JSON.stringify(again)).toBe(JSON.stringify(cases))
    const other = await demoCaseFiles({ seed: 8, count: 500 })
    expect(other[0]!.caseFile.case.title + other[0]!.caseFile.case.id).not.toBe(
      cases[0]!.caseFile.case.title + cases[0]!.caseFile.case.id,
    )
  })

  it('produces only valid case files, across every incident category, all tagged as demo', () => {
    for (const { caseFile } of cases) {
      const result = CaseFileSchema.safeParse(caseFile)
      if (!result.success) throw new Error(`${caseFile.case.caseNumber}: ${result.error.message}`)
      expect(caseFile.case.tags).toContain(DEMO_TAG)
    }
    expect(new Set(cases.map((c) => c.caseFile.case.category))).toEqual(new Set(INCIDENT_CATEGORIES))
  })

  it('numbers cases sequentially from the first sequence, oldest first', async () => {
    const numbered = await demoCaseFiles({ seed: 7, count: 20, firstSequence: 41 })
    expect(numbered.map((c) => parseCaseNumber(c.caseFile.case.caseNumber)?.sequence)).toEqual(
      Array.from({ length: 20 }, (_, i) => 41 + i),
    )
    const created = numbered.map((c) => c.caseFile.case.createdAt)
    expect([...created].sort()).toEqual(created)
  })

  it('keeps statuses and SLA clock events consistent', () => {
    for (const { caseFile } of cases) {
      const { status, slaEvents, updatedAt, createdAt } = caseFile.case
      const clocks = computeSlaClocks(slaEvents, DEFAULT_SLA_POLICY)
      // The clock events replay to the case's status, in order, never after the dataset's now.
      const statuses = slaEvents.map((event) => (event.type === 'severity' ? null : event.status))
      expect(statuses.filter(Boolean).at(-1)).toBe(status)
      expect(slaEvents.map((event) => event.at)).toEqual(slaEvents.map((event) => event.at).sort())
      expect(slaEvents.at(-1)!.at <= '2026-11-24T12:00:00.000Z').toBe(true)
      expect(clocks.firstResponse.phase === 'done').toBe(status !== 'new')
      expect(clocks.resolution.phase === 'done').toBe(status === 'resolved' || status === 'closed')
      expect(clocks.resolution.phase === 'paused').toBe(status === 'awaiting_party')
      expect(caseFile.case.slaDueAt).toBe(caseSlaInstants(slaEvents, DEFAULT_SLA_POLICY).slaDueAt)
      expect(updatedAt >= createdAt).toBe(true)
      expect(updatedAt <= '2026-11-24T12:00:00.000Z').toBe(true)
      if (status === 'resolved' || status === 'closed')
        expect(caseFile.determinations.length).toBeGreaterThan(0)
    }
  })

  it('has customers and shoppers who appear in more than one case', () => {
    const accounts = cases.flatMap((c) => c.caseFile.parties.map((p) => p.accountId).filter(Boolean))
    expect(new Set(accounts).size).toBeLessThan(accounts.length)
  })

  it('ships evidence whose bytes match their SHA-256, with photos that carry capture time and GPS', async () => {
    const photos = cases.flatMap((c) =>
      c.caseFile.evidence.filter((e) => e.detectedType === 'image/jpeg').map((e) => ({ e, c })),
    )
    expect(photos.length).toBeGreaterThan(100)
    for (const { caseFile, evidenceFiles } of cases) {
      for (const item of caseFile.evidence) {
        const file = evidenceFiles.find((f) => f.sha256 === item.sha256)!
        expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(item.sha256)
        expect(file.bytes.byteLength).toBe(item.size)
      }
    }
    const { e, c } = photos[0]!
    const bytes = c.evidenceFiles.find((f) => f.sha256 === e.sha256)!.bytes
    expect(decode(bytes, { useTArray: true }).width).toBe(64)
    const exif = await exifr.parse(bytes, { gps: true })
    expect(exif.Make).toBeTruthy()
    expect(exif.DateTimeOriginal).toBeInstanceOf(Date)
    expect(exif.OffsetTimeOriginal).toMatch(/^[-+]\d\d:\d\d$/)
    expect(Math.abs(exif.latitude)).toBeGreaterThan(25)
    expect(exif.longitude).toBeLessThan(-60)
  })

  it('gives every case its order: drop-off by the delivery photo (one in ten far from it), events in order', async () => {
    const distances: number[] = []
    for (const { caseFile, evidenceFiles } of cases) {
      expect(caseFile.orders).toHaveLength(1)
      const order = caseFile.orders[0]!
      expect(order.orderId).toBe(caseFile.case.order!.orderId)
      expect(order.events.map((event) => event.at)).toEqual(order.events.map((event) => event.at).sort())
      expect(deliveredAt(order)).toBe(caseFile.case.order!.deliveryAt)
      const photo = caseFile.evidence.find((item) => item.detectedType === 'image/jpeg')
      if (!photo || distances.length >= 120) continue
      const exif = await exifr.parse(evidenceFiles.find((file) => file.sha256 === photo.sha256)!.bytes, {
        gps: true,
      })
      distances.push(distanceMetres(order.dropOff.location, { lat: exif.latitude, lon: exif.longitude }))
    }
    const near = distances.filter((metres) => metres <= 70).length
    const far = distances.filter((metres) => metres >= 290 && metres <= 910).length
    expect(near + far).toBe(distances.length)
    expect(near / distances.length).toBeGreaterThan(0.75)
    expect(far).toBeGreaterThan(0)
  })

  it('ships order chats as CSV or JSON messages between the customer and the shopper', () => {
    const chats = cases.flatMap((c) =>
      c.caseFile.evidence
        .filter((e) => e.originalName.startsWith('order-chat'))
        .map((e) => new TextDecoder().decode(c.evidenceFiles.find((f) => f.sha256 === e.sha256)!.bytes)),
    )
    const csv = chats.find((text) => text.startsWith('timestamp,sender,message'))!
    expect(csv.split('\n')[1]).toMatch(/^\d{4}-\d\d-\d\dT.*,.*\((customer|shopper)\),/)
    const json = JSON.parse(chats.find((text) => text.startsWith('['))!)
    expect(json[0]).toEqual({
      timestamp: expect.any(String),
      sender: expect.stringMatching(/\((customer|shopper)\)$/),
      message: expect.any(String),
    })
  })
})
