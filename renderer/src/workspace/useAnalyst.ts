import { repositories } from '@db/instance'
import type { Actor } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { useLiveQuery } from 'dexie-react-hooks'

/** Who is working: `undefined` while loading, `null` when nobody has said yet. */
export function useAnalyst(): Actor | null | undefined {
  return useLiveQuery(() => repositories.settings.read(SETTINGS.analyst), [])
}
