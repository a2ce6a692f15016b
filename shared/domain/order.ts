import { z } from 'zod'
import { labelledEnum } from './labelled-enum'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

/**
 * The marketplace order an incident happened on, as first-class data of the case: what was bought
 * where, by whom, delivered by whom and where, and every event of the order with its time and (where
 * the shopper's app recorded one) GPS point. Imported from the order system's export (the JSON format
 * in docs/order-format.md) or a case bundle; the demo dataset generates them.
 */

export const GeoPointSchema = z.object({
  lat: z.number().min(-90, 'a latitude is -90 to 90').max(90, 'a latitude is -90 to 90'),
  lon: z.number().min(-180, 'a longitude is -180 to 180').max(180, 'a longitude is -180 to 180'),
})
export type GeoPoint = z.infer<typeof GeoPointSchema>

export const {
  values: ORDER_EVENT_KINDS,
  schema: OrderEventKindSchema,
  labels: ORDER_EVENT_LABELS,
} = labelledEnum({
  placed: 'Order placed',
  shopper_assigned: 'Shopper assigned',
  arrived_at_store: 'Shopper arrived at the store',
  checkout: 'Checkout',
  arrived_at_customer: 'Shopper arrived at the customer',
  delivered: 'Delivered',
  delivery_photo: 'Delivery photo taken',
})
export type OrderEventKind = z.infer<typeof OrderEventKindSchema>

export const OrderEventSchema = z.object({
  kind: OrderEventKindSchema,
  at: TimestampSchema,
  /** Where the shopper's device was; null when the app recorded none. */
  location: GeoPointSchema.nullable(),
})
export type OrderEvent = z.infer<typeof OrderEventSchema>

export const OrderItemSchema = z.object({
  name: z.string().trim().min(1, 'an item needs a name').max(200),
  quantity: z.number().positive('a quantity is above 0').max(10_000),
  /** Price of the line in the order's currency, when the export has it. */
  price: z.number().min(0).max(1_000_000).nullable(),
})

export const ORDER_CHAT_SENDERS = ['customer', 'shopper', 'system'] as const
export const OrderChatMessageSchema = z.object({
  at: TimestampSchema,
  from: z.enum(ORDER_CHAT_SENDERS),
  text: z.string().max(5_000),
})
export type OrderChatMessage = z.infer<typeof OrderChatMessageSchema>

/** The order as the order system exports it (the importable file's content). */
export const OrderDataSchema = z.object({
  orderId: z.string().trim().min(1, 'the order needs its id').max(64),
  store: z.object({
    name: z.string().trim().min(1, 'the store needs a name').max(160),
    address: z.string().trim().max(300),
  }),
  currency: z.enum(['USD', 'CAD']),
  items: z.array(OrderItemSchema).max(500),
  customerAccountId: z.string().trim().min(1).max(64),
  shopperAccountId: z.string().trim().min(1).max(64),
  dropOff: z.object({ address: z.string().trim().min(1).max(300), location: GeoPointSchema }),
  events: z.array(OrderEventSchema).min(1, 'the order needs at least one event').max(500),
  chat: z.array(OrderChatMessageSchema).max(5_000),
})
export type OrderData = z.infer<typeof OrderDataSchema>

/** An order on a case (one case may carry more than one, e.g. a pattern of missing items). */
export const OrderRecordSchema = OrderDataSchema.extend({
  id: IdSchema,
  caseId: IdSchema,
  importedAt: TimestampSchema,
  importedBy: ActorSchema,
})
export type OrderRecord = z.infer<typeof OrderRecordSchema>

/** The moment the order was handed over: its "delivered" event, else the delivery photo. */
export function deliveredAt(order: Pick<OrderData, 'events'>): string | null {
  const find = (kind: OrderEventKind) => order.events.find((event) => event.kind === kind)?.at ?? null
  return find('delivered') ?? find('delivery_photo')
}
