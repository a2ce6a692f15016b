import { repositories } from '@db/instance'
import { useSyncExternalStore } from 'react'

/**
 * A number that changes whenever a case is written. Live queries that read through the case id
 * cache list it among their dependencies, so they re-run after writes even on a cache hit.
 */
export function useCaseWrites(): number {
  return useSyncExternalStore(repositories.caseIdCache.subscribe, repositories.caseIdCache.generation)
}
