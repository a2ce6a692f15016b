import { repositories } from '@db/instance'
import { DEFAULT_APPROVAL_THRESHOLD } from '@shared/rules/policy/determination-review'
import { SETTINGS } from '@shared/rules/settings/registry'
import { useLiveQuery } from 'dexie-react-hooks'

/** The reimbursement amount above which a lead must approve (Settings → Determinations); undefined while loading. */
export function useStoredApprovalThreshold(): number | undefined {
  return useLiveQuery(() => repositories.settings.read(SETTINGS.approvalThreshold), [])
}

export function useApprovalThreshold(): number {
  return useStoredApprovalThreshold() ?? DEFAULT_APPROVAL_THRESHOLD
}
