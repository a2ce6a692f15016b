import { repositories } from '@db/instance'
import type { Claim } from '@shared/domain'
import { type CorroborationSource, corroborationSources } from '@shared/rules/verification/corroboration'
import { useLiveQuery } from 'dexie-react-hooks'

/** The case's claims and the sources they are checked against (undefined while loading). */
export function useCorroboration(
  caseId: string,
): { claims: Claim[]; sources: CorroborationSource[] } | undefined {
  return useLiveQuery(async () => {
    const [claims, parties, evidence, orders] = await Promise.all([
      repositories.claims.listForCase(caseId),
      repositories.parties.listForCase(caseId),
      repositories.evidence.listForCase(caseId),
      repositories.orders.listForCase(caseId),
    ])
    return { claims, sources: corroborationSources({ parties, evidence, orders }) }
  }, [caseId])
}
