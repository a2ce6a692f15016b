import { repositories } from '@db/instance'
import { usePolicyLibrary } from '@features/policy'
import type { Severity } from '@shared/domain'
import type { reviewDetermination } from '@shared/rules/policy/determination-review'
import { SETTINGS } from '@shared/rules/settings/registry'
import { useLiveQuery } from 'dexie-react-hooks'
import { useApprovalThreshold } from './useApprovalThreshold'

export type DeterminationRules = Parameters<typeof reviewDetermination>[1]

/** What a determination is reviewed against on this workstation: library, team matrix, threshold. */
export function useDeterminationRules(severity: Severity): DeterminationRules {
  const library = usePolicyLibrary() ?? []
  const matrix = useLiveQuery(() => repositories.settings.read(SETTINGS.outcomeMatrix), []) ?? []
  const approvalThreshold = useApprovalThreshold()
  return { library, matrix, severity, approvalThreshold }
}
