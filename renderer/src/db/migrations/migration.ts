import type { Transaction } from 'dexie'

/** One Dexie version: the stores it adds or changes (null drops one) and how it rewrites stored rows. */
export interface Migration {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | undefined
}
