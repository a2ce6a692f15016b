import tzLookup from '@photostructure/tz-lookup'
import { IANAZone } from 'luxon'
import type { GeoPoint } from '../../domain'

/**
 * The IANA time zone at a point (an order's drop-off), looked up offline from tz-lookup's bundled
 * map. Null where no named zone applies (the open sea's Etc/GMT±n) or the lookup refuses the point.
 */
export function timeZoneAt(point: GeoPoint): string | null {
  try {
    const zone = tzLookup(point.lat, point.lon)
    return zone.startsWith('Etc/') || !IANAZone.isValidZone(zone) ? null : zone
  } catch {
    return null
  }
}
