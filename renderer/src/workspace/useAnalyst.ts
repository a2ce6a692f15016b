import { repositories } from '@db/instance'
import type { Actor } from '@shared/domain'
import { useLiveQuery } from 'dexie-react-hooks'

/** Who is working: `undefined` while loading, `null` when nobody has said yet. */
export function useAnalyst(): Actor | null | undefined {
  return useLiveQuery(() => repositories.settings.getAnalyst(), [])
}
