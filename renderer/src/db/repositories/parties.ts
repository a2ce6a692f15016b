import { type Case, PARTY_ROLE_LABELS, PartySchema } from '../../../../shared/domain'
import type { WorkstationDatabase } from '../database'
import { createCaseRecordRepository } from './case-records'

/** The people and businesses of a case, and what else their marketplace accounts were involved in. */
export function createPartyRepository(db: WorkstationDatabase, now: () => string) {
  return {
    ...createCaseRecordRepository(db, {
      table: db.parties,
      entity: 'party',
      schema: PartySchema,
      describe: (party) => `${PARTY_ROLE_LABELS[party.role].toLowerCase()} ${party.name}`,
      now,
    }),

    /** Other cases with a party on the same account, newest first (read from the accountId index). */
    async priorCases(accountId: string, exceptCaseId: string): Promise<Case[]> {
      const appearances = await db.parties.where('accountId').equals(accountId).toArray()
      const caseIds = [...new Set(appearances.map((party) => party.caseId))].filter(
        (id) => id !== exceptCaseId,
      )
      const cases = (await db.cases.bulkGet(caseIds)).filter((record): record is Case => record !== undefined)
      return cases.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },
  }
}
