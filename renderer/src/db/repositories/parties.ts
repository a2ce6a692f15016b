import {
  type Actor,
  type Case,
  PARTY_ROLE_LABELS,
  type Party,
  type PartyContact,
  PartySchema,
} from '@shared/domain'
import { checkedContact } from '@shared/domain/contact'
import type { WorkstationDatabase } from '../database'
import { createCaseRecordRepository, RecordRuleError } from './case-records'

/**
 * The people and businesses of a case, and what else their marketplace accounts were involved in.
 * A phone or email entered or changed is checked and stored in one form (phones as E.164).
 */
export function createPartyRepository(db: WorkstationDatabase, now: () => string) {
  const records = createCaseRecordRepository(db, {
    table: db.parties,
    entity: 'party',
    schema: PartySchema,
    describe: (party) => `${PARTY_ROLE_LABELS[party.role].toLowerCase()} ${party.name}`,
    now,
  })
  const contactOf = (contact: PartyContact, before?: PartyContact) => {
    try {
      return checkedContact(contact, before)
    } catch (error) {
      throw new RecordRuleError(`Not saved: ${(error as Error).message}`)
    }
  }
  return {
    ...records,
    add: async (party: Party, actor: Actor) =>
      records.add({ ...party, contact: contactOf(party.contact) }, actor),
    async update(id: string, patch: Partial<Omit<Party, 'id' | 'caseId'>>, actor: Actor): Promise<Party> {
      const before = (await db.parties.get(id))?.contact
      return records.update(
        id,
        patch.contact ? { ...patch, contact: contactOf(patch.contact, before) } : patch,
        actor,
      )
    },

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
