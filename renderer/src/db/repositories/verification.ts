import {
  type Actor,
  type Claim,
  ClaimSchema,
  CONTACT_CHANNEL_LABELS,
  CONTACT_OUTCOME_LABELS,
  ContactAttemptSchema,
  type CorroborationCell,
} from '@shared/domain'
import type { WorkstationDatabase } from '../database'
import { createCaseRecordRepository } from './case-records'

/** Every attempt to reach a party: channel, time, outcome. */
export function createContactAttemptRepository(db: WorkstationDatabase, now: () => string) {
  return createCaseRecordRepository(db, {
    table: db.contactAttempts,
    entity: 'contactAttempt',
    schema: ContactAttemptSchema,
    orderedBy: 'at',
    describe: (attempt) =>
      `contact attempt (${CONTACT_CHANNEL_LABELS[attempt.channel].toLowerCase()}, ${CONTACT_OUTCOME_LABELS[attempt.outcome].toLowerCase()})`,
    now,
  })
}

/** Positions leave room between claims, so one can be moved without renumbering the rest. */
const POSITION_STEP = 1_000

/** The corroboration matrix: claims in order, each with what every source says of it. */
export function createClaimRepository(db: WorkstationDatabase, now: () => string) {
  const records = createCaseRecordRepository(db, {
    table: db.claims,
    entity: 'claim',
    schema: ClaimSchema,
    orderedBy: 'position',
    describe: (claim) => `claim "${claim.text.slice(0, 80)}"`,
    now,
  })
  return {
    listForCase: records.listForCase,
    remove: records.remove,

    async add(caseId: string, text: string, actor: Actor): Promise<Claim> {
      const last = (await records.listForCase(caseId)).at(-1)
      const at = now()
      return records.add(
        {
          id: crypto.randomUUID(),
          caseId,
          text,
          position: (last?.position ?? 0) + POSITION_STEP,
          cells: {},
          createdAt: at,
          updatedAt: at,
        },
        actor,
      )
    },

    rename: (id: string, text: string, actor: Actor) => records.update(id, { text, updatedAt: now() }, actor),

    /** What one source says of the claim; silent with no note clears the cell. */
    async setCell(id: string, sourceKey: string, cell: CorroborationCell, actor: Actor): Promise<Claim> {
      const current = await db.claims.get(id)
      if (!current) throw new Error('That claim no longer exists on this workstation.')
      const { [sourceKey]: _previous, ...others } = current.cells
      const cells = cell.stance === 'silent' && !cell.note.trim() ? others : { ...others, [sourceKey]: cell }
      return records.update(id, { cells, updatedAt: now() }, actor)
    },
  }
}
