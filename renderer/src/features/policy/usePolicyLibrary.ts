import { repositories } from '@db/instance'
import type { PolicyDocument } from '@shared/rules/policy/policy-document'
import { SETTINGS } from '@shared/rules/settings/registry'
import { useLiveQuery } from 'dexie-react-hooks'

/** The policy library in force (undefined while it loads); follows imports as they happen. */
export function usePolicyLibrary(): PolicyDocument[] | undefined {
  return useLiveQuery(() => repositories.settings.read(SETTINGS.policyLibrary), [])
}
