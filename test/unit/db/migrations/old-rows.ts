import type { Determination } from '@shared/domain'
import { analyst } from '../../fixtures/case-files'

/** A decided determination of a case that found `violated` breached, as version 6 to 10 stored it. */
export function decidedDetermination(
  id: string,
  caseId: string,
  violated: string[],
): Determination & { violatedClauses: string[] } {
  return {
    id,
    caseId,
    partyId: `${caseId}-shopper`,
    findings: [],
    clauses: violated.map((clauseId) => ({ clauseId, violated: true })),
    outcome: { kind: 'warning' },
    rationale: '',
    justification: '',
    approval: null,
    decidedBy: analyst,
    decidedAt: '2026-03-09T10:00:00.000Z',
    updatedAt: '2026-03-09T10:00:00.000Z',
    violatedClauses: violated,
  }
}
