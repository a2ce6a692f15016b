import { formatBytes } from '@shared/byte-size'
import Dexie from 'dexie'

export interface StorageEstimate {
  usage: number | null
  quota: number | null
  persisted: boolean
}

/** How much of this computer's browser storage the case database uses, and whether it is kept. */
export async function estimateStorage(): Promise<StorageEstimate> {
  const storage = globalThis.navigator?.storage
  if (!storage?.estimate) return { usage: null, quota: null, persisted: false }
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false])
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted }
}

/** Asks the browser not to evict the case database under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await globalThis.navigator?.storage?.persist?.()) ?? false
}

export class StorageFullError extends Error {
  override name = 'StorageFullError'
}

function isQuotaError(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { inner?: unknown }).inner) {
    const name = (cause as { name?: unknown }).name
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true
  }
  return false
}

/**
 * Turns a full disk into a message an analyst can act on. Writes run in transactions, so when this
 * happens nothing of the operation was saved.
 */
export async function toStorageError(error: unknown): Promise<unknown> {
  if (!isQuotaError(error)) return error
  const { usage, quota } = await estimateStorage().catch(() => ({ usage: null, quota: null }))
  const used =
    usage !== null && quota !== null ? ` (${formatBytes(usage)} of ${formatBytes(quota)} used)` : ''
  return new StorageFullError(
    `The local case database is full${used}. Nothing from this operation was saved. Free space on this computer or remove demo data, then try again.`,
  )
}

/** Runs a write and rethrows a quota failure as a StorageFullError. */
export async function guardStorage<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw await toStorageError(error)
  }
}
