import { type OrderData, OrderDataSchema } from '../../domain/order'
import { describeIssues } from '../../validation'

/** An order export is a few kilobytes; anything this large is not one. */
export const ORDER_FILE_LIMIT_BYTES = 5 * 1024 * 1024

/** The file is not an order export: the message says what is wrong and where. */
export class OrderFileError extends Error {
  override name = 'OrderFileError'
}

/**
 * Reads an order export (the JSON format of docs/order-format.md). Every field is checked; nothing
 * of a refused file is kept.
 */
export function parseOrderFile(text: string, byteLength = text.length): OrderData {
  if (byteLength > ORDER_FILE_LIMIT_BYTES)
    throw new OrderFileError(
      `The file is ${(byteLength / 1024 / 1024).toFixed(1)} MiB; an order export is at most 5 MiB. Is it the right file?`,
    )
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new OrderFileError(
      `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    )
  }
  const parsed = OrderDataSchema.safeParse(json)
  if (!parsed.success)
    throw new OrderFileError(`The order was not imported: ${describeIssues(parsed.error)}.`)
  const order = parsed.data
  const events = [...order.events].sort((a, b) => a.at.localeCompare(b.at))
  return { ...order, events, chat: [...order.chat].sort((a, b) => a.at.localeCompare(b.at)) }
}
