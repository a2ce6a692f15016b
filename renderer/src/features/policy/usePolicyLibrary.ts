import { useLiveQuery } from 'dexie-react-hooks'
import type { PolicyDocument } from '../../../../shared/policy/policy-document'
import { repositories } from '../../db/instance'

/** The policy library in force (undefined while it loads); follows imports as they happen. */
export function usePolicyLibrary(): PolicyDocument[] | undefined {
  return useLiveQuery(() => repositories.settings.getPolicyLibrary(), [])
}
