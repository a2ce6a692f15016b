import { repositories } from '@db/instance'
import type { EvidenceAnnotation } from '@shared/domain'
import { useLiveQuery } from 'dexie-react-hooks'

/** An item's marks and notes, live: drawing one shows it at once. */
export function useAnnotations(evidenceId: string): EvidenceAnnotation[] {
  return useLiveQuery(() => repositories.annotations.listForEvidence(evidenceId), [evidenceId]) ?? []
}
