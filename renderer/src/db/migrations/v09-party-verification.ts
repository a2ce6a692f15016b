import type { Migration } from './migration'

// Party verification: every attempt to reach a party, and the corroboration matrix's claims.
export const v09PartyVerification: Migration = {
  version: 9,
  stores: {
    contactAttempts: 'id, caseId, partyId, [caseId+at]',
    claims: 'id, caseId, [caseId+position]',
  },
}
