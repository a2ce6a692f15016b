import type { Migration } from './migration'

// The marketplace orders of a case (items, drop-off, events with GPS points, chat).
export const v07Orders: Migration = {
  version: 7,
  stores: { orders: 'id, caseId, orderId' },
}
