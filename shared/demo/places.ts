import type { SeededRandom } from './random'

/** Cities the marketplace serves in the demo, with a reference point for photo GPS. */
export interface DemoCity {
  city: string
  region: string
  country: 'US' | 'CA'
  lat: number
  lon: number
  /** Standard-time offset from UTC, in minutes (photos carry local time). */
  utcOffsetMinutes: number
  postalCode(random: SeededRandom): string
  areaCode: string
}

const zip = (prefix: string) => (random: SeededRandom) => prefix + random.digits(5 - prefix.length)
const canadianPostal = (prefix: string) => (random: SeededRandom) => {
  const letters = 'ABCEGHJKLMNPRSTVWXYZ'
  return `${prefix}${random.int(0, 9)} ${random.int(0, 9)}${random.pick([...letters])}${random.int(0, 9)}`
}

export const DEMO_CITIES: readonly DemoCity[] = [
  {
    city: 'Columbus',
    region: 'OH',
    country: 'US',
    lat: 39.9612,
    lon: -82.9988,
    utcOffsetMinutes: -300,
    postalCode: zip('432'),
    areaCode: '614',
  },
  {
    city: 'Denver',
    region: 'CO',
    country: 'US',
    lat: 39.7392,
    lon: -104.9903,
    utcOffsetMinutes: -420,
    postalCode: zip('802'),
    areaCode: '303',
  },
  {
    city: 'Austin',
    region: 'TX',
    country: 'US',
    lat: 30.2672,
    lon: -97.7431,
    utcOffsetMinutes: -360,
    postalCode: zip('787'),
    areaCode: '512',
  },
  {
    city: 'Portland',
    region: 'OR',
    country: 'US',
    lat: 45.5152,
    lon: -122.6784,
    utcOffsetMinutes: -480,
    postalCode: zip('972'),
    areaCode: '503',
  },
  {
    city: 'Raleigh',
    region: 'NC',
    country: 'US',
    lat: 35.7796,
    lon: -78.6382,
    utcOffsetMinutes: -300,
    postalCode: zip('276'),
    areaCode: '919',
  },
  {
    city: 'Phoenix',
    region: 'AZ',
    country: 'US',
    lat: 33.4484,
    lon: -112.074,
    utcOffsetMinutes: -420,
    postalCode: zip('850'),
    areaCode: '602',
  },
  {
    city: 'Minneapolis',
    region: 'MN',
    country: 'US',
    lat: 44.9778,
    lon: -93.265,
    utcOffsetMinutes: -360,
    postalCode: zip('554'),
    areaCode: '612',
  },
  {
    city: 'Atlanta',
    region: 'GA',
    country: 'US',
    lat: 33.749,
    lon: -84.388,
    utcOffsetMinutes: -300,
    postalCode: zip('303'),
    areaCode: '404',
  },
  {
    city: 'Sacramento',
    region: 'CA',
    country: 'US',
    lat: 38.5816,
    lon: -121.4944,
    utcOffsetMinutes: -480,
    postalCode: zip('958'),
    areaCode: '916',
  },
  {
    city: 'Toronto',
    region: 'ON',
    country: 'CA',
    lat: 43.6532,
    lon: -79.3832,
    utcOffsetMinutes: -300,
    postalCode: canadianPostal('M'),
    areaCode: '416',
  },
  {
    city: 'Calgary',
    region: 'AB',
    country: 'CA',
    lat: 51.0447,
    lon: -114.0719,
    utcOffsetMinutes: -420,
    postalCode: canadianPostal('T'),
    areaCode: '403',
  },
  {
    city: 'Halifax',
    region: 'NS',
    country: 'CA',
    lat: 44.6488,
    lon: -63.5752,
    utcOffsetMinutes: -240,
    postalCode: canadianPostal('B'),
    areaCode: '902',
  },
  {
    city: 'Vancouver',
    region: 'BC',
    country: 'CA',
    lat: 49.2827,
    lon: -123.1207,
    utcOffsetMinutes: -480,
    postalCode: canadianPostal('V'),
    areaCode: '604',
  },
  {
    city: 'Winnipeg',
    region: 'MB',
    country: 'CA',
    lat: 49.8951,
    lon: -97.1384,
    utcOffsetMinutes: -360,
    postalCode: canadianPostal('R'),
    areaCode: '204',
  },
]

const STREET_NAMES = [
  'Alder',
  'Birch',
  'Cedar',
  'Maple',
  'Willow',
  'Juniper',
  'Linden',
  'Sycamore',
  'Hawthorn',
  'Chestnut',
  'Lakeview',
  'Ridgecrest',
  'Meadowbrook',
  'Fairmont',
  'Harbor',
  'Prairie',
  'Orchard',
  'Stonebridge',
]
const STREET_KINDS = ['Street', 'Avenue', 'Lane', 'Drive', 'Court', 'Way', 'Road', 'Crescent']

export function demoStreetAddress(random: SeededRandom, city: DemoCity): string {
  const unit = random.chance(0.2) ? `Unit ${random.int(1, 40)}, ` : ''
  return `${unit}${random.int(2, 9899)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_KINDS)}, ${city.city}, ${city.region} ${city.postalCode(random)}`
}

/** Clearly fictional grocery banners. */
const RETAILERS = [
  'Northgate Fresh Market',
  'Harvest Lane Grocers',
  'Bluewater Foods',
  'Prairie Basket Supermarket',
  'Cornerstone Greens',
  'Maple & Main Market',
  'Sunfield Family Grocery',
  'Tidewater Provisions',
]

export function demoStore(random: SeededRandom, city: DemoCity): { retailer: string; storeName: string } {
  const retailer = random.pick(RETAILERS)
  return { retailer, storeName: `${retailer} #${random.int(100, 899)} — ${city.city}` }
}
