import { type Actor, type OrderData, type OrderRecord, OrderRecordSchema } from '@shared/domain'
import type { WorkstationDatabase } from '../database'
import { createCaseRecordRepository } from './case-records'

/** The marketplace orders on a case. Importing the same order id again replaces it (a newer export). */
export function createOrderRepository(db: WorkstationDatabase, now: () => string) {
  const records = createCaseRecordRepository(db, {
    table: db.orders,
    entity: 'order',
    schema: OrderRecordSchema,
    describe: (order) => `order ${order.orderId}`,
    now,
  })
  return {
    listForCase: records.listForCase,
    get: records.get,
    remove: records.remove,

    async importOrder(
      caseId: string,
      data: OrderData,
      actor: Actor,
    ): Promise<{ order: OrderRecord; replaced: boolean }> {
      const current = (await db.orders.where('caseId').equals(caseId).toArray()).find(
        (order) => order.orderId === data.orderId,
      )
      const order: OrderRecord = {
        ...data,
        id: current?.id ?? crypto.randomUUID(),
        caseId,
        importedAt: now(),
        importedBy: actor,
      }
      return current
        ? { order: await records.update(current.id, order, actor), replaced: true }
        : { order: await records.add(order, actor), replaced: false }
    },
  }
}
