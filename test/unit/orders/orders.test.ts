import { readFileSync } from 'node:fs'
import { deliveredAt, type OrderData, type OrderRecord } from '@shared/domain'
import {
  DEFAULT_LOCATION_THRESHOLDS,
  distanceMetres,
  formatDistance,
  formatOffset,
  locationChecks,
  offsetMetres,
  offsetPoint,
} from '@shared/rules/orders/location-checks'
import { OrderFileError, parseOrderFile } from '@shared/rules/orders/order-file'
import { orderTimelineEvents, withOrderEvents } from '@shared/rules/orders/order-timeline'
import { describe, expect, it } from 'vitest'

/** The documented example, read from docs/order-format.md so the documentation cannot go stale. */
const documented = (): string => {
  const markdown = readFileSync('docs/order-format.md', 'utf8')
  return /```json\n([\s\S]*?)```/.exec(markdown)![1]!
}

describe('the order export format', () => {
  it('reads the documented example', () => {
    const order = parseOrderFile(documented())
    expect(order.orderId).toBe('ORD-4417200931')
    expect(order.events).toHaveLength(7)
    expect(deliveredAt(order)).toBe('2026-11-24T14:12:00.000Z')
  })

  it('says what is wrong and where, for malformed JSON, bad fields and huge files', () => {
    expect(() => parseOrderFile('{"orderId": ')).toThrow(OrderFileError)
    expect(() => parseOrderFile('{"orderId": ')).toThrow('not valid JSON')
    const bad = JSON.parse(documented()) as OrderData
    bad.dropOff.location.lat = 123
    bad.events[0]!.at = 'yesterday'
    const message = (() => {
      try {
        parseOrderFile(JSON.stringify(bad))
        return ''
      } catch (error) {
        return (error as Error).message
      }
    })()
    expect(message).toContain('dropOff.location.lat: a latitude is -90 to 90')
    expect(message).toContain('events.0.at')
    expect(() => parseOrderFile('{}', 6 * 1024 * 1024)).toThrow('at most 5 MiB')
    expect(() => parseOrderFile(JSON.stringify({ ...JSON.parse(documented()), events: [] }))).toThrow(
      'at least one event',
    )
  })

  it('orders events and messages by time, whatever order the export had', () => {
    const shuffled = JSON.parse(documented()) as OrderData
    shuffled.events.reverse()
    shuffled.chat.reverse()
    const order = parseOrderFile(JSON.stringify(shuffled))
    expect(order.events[0]!.kind).toBe('placed')
    expect(order.chat[0]!.from).toBe('shopper')
  })
})

describe('location and time checks', () => {
  const order = parseOrderFile(documented())
  const dropOff = order.dropOff.location

  it('measures distances on the earth and positions in metres around the drop-off', () => {
    // One degree of latitude is about 111.2 km.
    expect(distanceMetres({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, -1)
    const east = offsetPoint(dropOff, Math.PI / 2, 200)
    expect(distanceMetres(dropOff, east)).toBeCloseTo(200, 0)
    const offset = offsetMetres(dropOff, east)
    expect(offset.east).toBeCloseTo(200, 0)
    expect(offset.north).toBeCloseTo(0, 0)
  })

  it('flags a photo taken far from the drop-off or long after the delivery, and passes the rest', () => {
    const checks = locationChecks(
      order,
      [
        {
          evidenceId: 'e1',
          label: 'E-1 porch.jpg',
          takenAt: '2026-11-24T14:14:00.000Z',
          location: offsetPoint(dropOff, 0, 40),
        },
        {
          evidenceId: 'e2',
          label: 'E-2 street.jpg',
          takenAt: '2026-11-24T14:15:00.000Z',
          location: offsetPoint(dropOff, 1, 620),
        },
        { evidenceId: 'e3', label: 'E-3 later.jpg', takenAt: '2026-11-24T15:30:00.000Z', location: null },
      ],
      DEFAULT_LOCATION_THRESHOLDS,
    )
    const photo = (label: string) => checks.find((check) => check.label === label)!
    expect(photo('E-1 porch.jpg')).toMatchObject({ farAway: false, offTime: false, minutesFromDelivery: 2 })
    expect(photo('E-2 street.jpg').farAway).toBe(true)
    expect(photo('E-2 street.jpg').distanceMetres).toBeCloseTo(620, 0)
    expect(photo('E-3 later.jpg')).toMatchObject({ farAway: false, offTime: true, distanceMetres: null })
    // The store's events are kilometres away and an hour earlier by nature: shown, not flagged.
    const checkout = checks.find((check) => check.label === 'Checkout')!
    expect(checkout.distanceMetres).toBeGreaterThan(1_000)
    expect([checkout.farAway, checkout.offTime]).toEqual([false, false])
    expect(checks.find((check) => check.label === 'Delivered')?.farAway).toBe(false)
    // The order placed has no GPS point: not a location check.
    expect(checks.some((check) => check.label === 'Order placed')).toBe(false)
  })

  it('reads distances and offsets the way an analyst says them', () => {
    expect(formatDistance(42.4)).toBe('42 m')
    expect(formatDistance(1_340)).toBe('1.3 km')
    expect(formatOffset(12.2)).toBe('12 min after')
    expect(formatOffset(-125)).toBe('2 h 5 min before')
    expect(formatOffset(0.2)).toBe('at the delivery')
  })
})

describe('order events on the timeline', () => {
  const order: OrderRecord = {
    ...parseOrderFile(documented()),
    id: 'order-1',
    caseId: 'case-1',
    importedAt: '2026-11-25T09:00:00.000Z',
    importedBy: { id: 'a', name: 'Riley Chen' },
  }

  it('are order data, with their GPS point and distance, merged in time order with the case’s own', () => {
    const entries = orderTimelineEvents([order])
    expect(entries).toHaveLength(7)
    expect(entries[5]).toMatchObject({
      kind: 'order',
      title: 'Delivered (order ORD-4417200931)',
      ref: { entity: 'order', id: 'order-1' },
    })
    expect(entries[5]!.detail).toMatch(/^GPS 39\.96339, -82\.99515 · \d+ m from the drop-off$/)
    expect(entries[0]!.detail).toBe('No GPS point recorded')
    const own = {
      ...entries[0]!,
      id: 'own',
      kind: 'manual' as const,
      occurredAt: '2026-11-24T14:00:00.000Z',
      title: 'Customer called',
    }
    const merged = withOrderEvents([own], [order])
    expect(merged.map((event) => event.title).indexOf('Customer called')).toBe(4)
  })
})
