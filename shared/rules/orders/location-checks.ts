import { z } from 'zod'
import {
  deliveredAt,
  type GeoPoint,
  ORDER_EVENT_LABELS,
  type OrderData,
  type OrderEventKind,
} from '../../domain/order'

/**
 * Location and time checks: where and when each photo (from its EXIF) and each order event (from the
 * shopper's app) was, against the drop-off address and the delivery time. A point farther than the
 * distance threshold, or further in time than the time threshold, is flagged for the analyst.
 */

export const LocationThresholdsSchema = z.object({
  metres: z.number().int().min(10, 'at least 10 m').max(100_000, 'at most 100 km'),
  minutes: z.number().int().min(1, 'at least 1 minute').max(10_080, 'at most a week'),
})
export type LocationThresholds = z.infer<typeof LocationThresholdsSchema>
export const DEFAULT_LOCATION_THRESHOLDS: LocationThresholds = { metres: 150, minutes: 30 }

const EARTH_RADIUS_METRES = 6_371_008.8

const radians = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat)
  const dLon = radians(b.lon - a.lon)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A point's position east and north of an origin, in metres (flat-earth: fine within a few km). */
export function offsetMetres(origin: GeoPoint, point: GeoPoint): { east: number; north: number } {
  return {
    east: radians(point.lon - origin.lon) * EARTH_RADIUS_METRES * Math.cos(radians(origin.lat)),
    north: radians(point.lat - origin.lat) * EARTH_RADIUS_METRES,
  }
}

/** The point `metres` away from `origin` on a bearing (radians from north), flat-earth. */
export function offsetPoint(origin: GeoPoint, bearing: number, metres: number): GeoPoint {
  const north = Math.cos(bearing) * metres
  const east = Math.sin(bearing) * metres
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  return {
    lat: round(origin.lat + (north / EARTH_RADIUS_METRES) * (180 / Math.PI)),
    lon: round(origin.lon + (east / (EARTH_RADIUS_METRES * Math.cos(radians(origin.lat)))) * (180 / Math.PI)),
  }
}

/** A photo as the checks see it: its exhibit and what its EXIF says (either may be missing). */
export interface PhotoPosition {
  evidenceId: string
  label: string
  takenAt: string | null
  /** The camera recorded a time but no zone: there is a reading, not a moment to check. */
  zoneUnknown?: boolean
  location: GeoPoint | null
}

export interface LocationCheck {
  source: 'photo' | 'order_event'
  /** "E-3 porch.jpg", "Delivered". */
  label: string
  evidenceId: string | null
  at: string | null
  /** A photo whose camera recorded no time zone: its time is not checked (none is invented). */
  zoneUnknown: boolean
  location: GeoPoint | null
  distanceMetres: number | null
  /** Minutes after (positive) or before (negative) the delivery; null without a time or a delivery. */
  minutesFromDelivery: number | null
  offset: { east: number; north: number } | null
  /** Held to the thresholds: photos and the drop-off's events (not the store leg). */
  checked: boolean
  farAway: boolean
  offTime: boolean
}

/**
 * The order events that happen at the drop-off: only these (and photos) are flagged. The store's
 * events are kilometres away and an hour earlier by nature; their distance is shown, not flagged.
 */
const AT_DROP_OFF: ReadonlySet<OrderEventKind> = new Set([
  'arrived_at_customer',
  'delivered',
  'delivery_photo',
])

export function locationChecks(
  order: Pick<OrderData, 'events' | 'dropOff'>,
  photos: readonly PhotoPosition[],
  thresholds: LocationThresholds,
): LocationCheck[] {
  const delivery = deliveredAt(order)
  const dropOff = order.dropOff.location
  const check = (
    source: LocationCheck['source'],
    label: string,
    evidenceId: string | null,
    at: string | null,
    location: GeoPoint | null,
    checked: boolean,
    zoneUnknown = false,
  ): LocationCheck => {
    const distance = location ? distanceMetres(dropOff, location) : null
    const minutes = at && delivery ? (Date.parse(at) - Date.parse(delivery)) / 60_000 : null
    return {
      source,
      label,
      evidenceId,
      at,
      zoneUnknown,
      location,
      distanceMetres: distance,
      minutesFromDelivery: minutes,
      offset: location ? offsetMetres(dropOff, location) : null,
      checked,
      farAway: checked && distance !== null && distance > thresholds.metres,
      offTime: checked && minutes !== null && Math.abs(minutes) > thresholds.minutes,
    }
  }
  return [
    ...order.events
      .filter((event) => event.location !== null)
      .map((event) =>
        check(
          'order_event',
          ORDER_EVENT_LABELS[event.kind],
          null,
          event.at,
          event.location,
          AT_DROP_OFF.has(event.kind),
        ),
      ),
    ...photos.map((photo) =>
      check('photo', photo.label, photo.evidenceId, photo.takenAt, photo.location, true, photo.zoneUnknown),
    ),
  ]
}

/** "42 m", "1.3 km". */
export function formatDistance(metres: number): string {
  return metres < 1_000 ? `${Math.round(metres)} m` : `${(metres / 1_000).toFixed(1)} km`
}

/** "12 min after", "2 h 5 min before", "at the delivery". */
export function formatOffset(minutes: number): string {
  const rounded = Math.round(Math.abs(minutes))
  if (rounded === 0) return 'at the delivery'
  const text = rounded < 60 ? `${rounded} min` : `${Math.floor(rounded / 60)} h ${rounded % 60} min`
  return `${text} ${minutes > 0 ? 'after' : 'before'}`
}
