import { ORDER_EVENT_LABELS, type OrderRecord, type TimelineEvent } from '../../domain'
import { distanceMetres, formatDistance } from './location-checks'

/**
 * The order's events as timeline entries, marked as order data. Derived from the order record each
 * time (never stored twice), so the timeline and the report always agree with the order.
 */
export function orderTimelineEvents(orders: readonly OrderRecord[]): TimelineEvent[] {
  return orders.flatMap((order) =>
    order.events.map((event, index) => ({
      id: `${order.id}:${index}`,
      caseId: order.caseId,
      kind: 'order' as const,
      occurredAt: event.at,
      title: `${ORDER_EVENT_LABELS[event.kind]} (order ${order.orderId})`,
      detail: event.location
        ? `GPS ${event.location.lat.toFixed(5)}, ${event.location.lon.toFixed(5)} · ${formatDistance(distanceMetres(order.dropOff.location, event.location))} from the drop-off`
        : 'No GPS point recorded',
      ref: { entity: 'order', id: order.id },
      recordedBy: order.importedBy,
      recordedAt: order.importedAt,
    })),
  )
}

/** A case's own timeline with its orders' events, oldest first. */
export function withOrderEvents(
  events: readonly TimelineEvent[],
  orders: readonly OrderRecord[],
): TimelineEvent[] {
  return [...events, ...orderTimelineEvents(orders)].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
}
