import type { Actor, GeoPoint, OrderChatMessage, OrderEvent, OrderRecord } from '../domain'
import { offsetPoint } from '../rules/orders/location-checks'
import { type DemoCity, demoStreetAddress } from './places'
import { SeededRandom } from './random'

const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

const GROCERIES: ReadonlyArray<[string, number]> = [
  ['Whole milk, 2 L', 4.49],
  ['Sourdough loaf', 5.99],
  ['Free-range eggs, dozen', 6.29],
  ['Bananas, 1 kg', 1.79],
  ['Baby spinach, 312 g', 4.99],
  ['Cheddar, 400 g', 7.49],
  ['Chicken thighs, 1 kg', 11.99],
  ['Greek yogurt, 750 g', 5.49],
  ['Coffee beans, 340 g', 12.99],
  ['Sparkling water, 12 pack', 6.99],
  ['Pasta, 500 g', 2.29],
  ['Tomato sauce, 680 ml', 3.49],
  ['Apples, 1.5 kg bag', 5.99],
  ['Oat milk, 1.75 L', 4.79],
  ['Frozen peas, 750 g', 3.29],
  ['Laundry detergent, 2.95 L', 14.99],
]

export interface DemoOrderInput {
  /** Per case, so the order adds no draws to the dataset's own random stream. */
  seed: number
  caseId: string
  orderId: string
  city: DemoCity
  storeName: string
  dropOffAddress: string
  customerAccountId: string
  shopperAccountId: string
  deliveredAt: number
  /** Where the reporter's photo says it was taken, if the case has one. */
  photoLocation: GeoPoint | null
  chat: Array<{ at: string; from: 'customer' | 'shopper'; text: string }>
  importedBy: Actor
  importedAt: number
}

/**
 * The case's order: the drop-off next to where the delivery photo was taken (one case in ten far from
 * it, which the location checks flag), the store a few kilometres away, and the order's events with
 * the shopper app's GPS points.
 */
export function demoOrder(input: DemoOrderInput): OrderRecord {
  const random = new SeededRandom(input.seed)
  const bearing = () => random.next() * 2 * Math.PI
  const near = (origin: GeoPoint, minMetres: number, maxMetres: number) =>
    offsetPoint(origin, bearing(), minMetres + random.next() * (maxMetres - minMetres))
  const jitter = () => (random.next() - 0.5) * 0.004
  const dropOffLocation = input.photoLocation
    ? random.chance(0.1)
      ? near(input.photoLocation, 300, 900)
      : near(input.photoLocation, 5, 60)
    : { lat: input.city.lat + jitter(), lon: input.city.lon + jitter() }
  const store = near(dropOffLocation, 1_500, 6_000)
  const delivered = input.deliveredAt
  const placed = delivered - random.int(70, 150) * MINUTE
  const at = (ms: number) => iso(Math.min(ms, delivered + 10 * MINUTE))
  const events: OrderEvent[] = [
    { kind: 'placed', at: at(placed), location: null },
    {
      kind: 'shopper_assigned',
      at: at(placed + random.int(2, 10) * MINUTE),
      location: near(store, 200, 2_000),
    },
    { kind: 'arrived_at_store', at: at(placed + random.int(15, 25) * MINUTE), location: near(store, 0, 40) },
    { kind: 'checkout', at: at(placed + random.int(40, 55) * MINUTE), location: near(store, 0, 30) },
    {
      kind: 'arrived_at_customer',
      at: at(delivered - random.int(1, 5) * MINUTE),
      location: near(dropOffLocation, 0, 40),
    },
    { kind: 'delivered', at: at(delivered), location: near(dropOffLocation, 0, 25) },
    { kind: 'delivery_photo', at: at(delivered + MINUTE), location: near(dropOffLocation, 0, 25) },
  ]
  const items = Array.from({ length: random.int(3, 9) }, () => {
    const [name, price] = random.pick(GROCERIES)
    const quantity = random.int(1, 3)
    return { name, quantity, price: Math.round(price * quantity * 100) / 100 }
  })
  const chat: OrderChatMessage[] = input.chat.map((message) => ({ ...message }))
  return {
    id: random.uuid(),
    caseId: input.caseId,
    orderId: input.orderId,
    store: { name: input.storeName, address: demoStreetAddress(random, input.city) },
    currency: input.city.country === 'CA' ? 'CAD' : 'USD',
    items,
    customerAccountId: input.customerAccountId,
    shopperAccountId: input.shopperAccountId,
    dropOff: { address: input.dropOffAddress, location: dropOffLocation },
    events,
    chat,
    importedAt: iso(input.importedAt),
    importedBy: input.importedBy,
  }
}
