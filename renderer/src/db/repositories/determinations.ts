import { type Actor, type Approval, type Case, type Determination, DeterminationSchema } from '@shared/domain'
import { clauseLedgerKey, decisionsFromLedger } from '@shared/rules/policy/clause-ledger'
import {
  approvalStillStands,
  type DeterminationReview,
  describeOutcome,
  reviewDetermination,
} from '@shared/rules/policy/determination-review'
import { type SimilarCase, type SimilarCases, similarCases } from '@shared/rules/policy/similar-cases'
import { SETTINGS } from '@shared/rules/settings/registry'
import type { WorkstationDatabase } from '../database'
import { createCaseRecordRepository, RecordRuleError } from './case-records'
import type { SettingsRepository } from './settings'

/** What the analyst decides for one party; the repository adds who, when and the approval. */
export type DeterminationInput = Pick<
  Determination,
  'caseId' | 'partyId' | 'findings' | 'clauses' | 'outcome' | 'rationale' | 'justification'
>

/** A similar case as the helper lists it. */
export type ListedCase = SimilarCase & Pick<Case, 'caseNumber' | 'title'>

/** How many similar cases the consistency helper lists (its distribution counts them all). */
export const SIMILAR_CASES_LISTED = 12

/** Per case and party: findings, clauses, outcome and rationale, checked against the outcome matrix. */
export function createDeterminationRepository(
  db: WorkstationDatabase,
  settings: SettingsRepository,
  now: () => string,
) {
  const records = createCaseRecordRepository(db, {
    table: db.determinations,
    entity: 'determination',
    schema: DeterminationSchema,
    describe: (determination) =>
      `determination (${determination.outcome ? describeOutcome(determination.outcome) : 'no outcome yet'})`,
    now,
  })

  /** The rules' view of a determination on its case, under the library and threshold in force. */
  async function review(
    determination: Pick<Determination, 'caseId' | 'clauses' | 'outcome' | 'justification' | 'approval'>,
  ): Promise<DeterminationReview> {
    const record = await db.cases.get(determination.caseId)
    if (!record) throw new RecordRuleError('That case no longer exists on this workstation.')
    return reviewDetermination(determination, {
      library: await settings.read(SETTINGS.policyLibrary),
      matrix: await settings.read(SETTINGS.outcomeMatrix),
      severity: record.severity,
      approvalThreshold: await settings.read(SETTINGS.approvalThreshold),
    })
  }

  const forParty = (caseId: string, partyId: string) =>
    db.determinations
      .where('partyId')
      .equals(partyId)
      .filter((determination) => determination.caseId === caseId)
      .first()

  return {
    listForCase: records.listForCase,
    review,

    /**
     * Records the party's determination (a new one, or the party's current one changed). An outcome
     * outside the recommendation needs a justification; an approval lapses when the outcome changes.
     */
    async save(input: DeterminationInput, actor: Actor): Promise<Determination> {
      const current = await forParty(input.caseId, input.partyId)
      const approval =
        current?.approval && approvalStillStands(current.outcome, input.outcome) ? current.approval : null
      const checked = await review({ ...input, approval })
      if (checked.missingJustification)
        throw new RecordRuleError(
          'Not saved: the outcome is outside the recommended ones, so say why in the justification.',
        )
      if (input.outcome !== null && !input.rationale.trim())
        throw new RecordRuleError('Not saved: give the rationale for the outcome.')
      const at = now()
      const decided = input.outcome !== null
      const next: Determination = {
        id: current?.id ?? crypto.randomUUID(),
        ...input,
        justification: checked.outsideRecommendation ? input.justification.trim() : '',
        approval,
        decidedBy: decided ? actor : null,
        decidedAt: decided ? at : null,
        updatedAt: at,
      }
      return current ? records.update(current.id, next, actor) : records.add(next, actor)
    },

    /** A lead's approval of the outcome (by the signed-in lead, or named by hand when working alone). */
    async recordApproval(id: string, approval: Approval, actor: Actor): Promise<Determination> {
      const current = await db.determinations.get(id)
      if (!current) throw new RecordRuleError('That determination no longer exists on this workstation.')
      if (!(await review(current)).needsApproval)
        throw new RecordRuleError('This outcome does not need a lead’s approval.')
      if (!approval.approver.name.trim()) throw new RecordRuleError('Name the lead who approved.')
      return records.update(id, { approval, updatedAt: now() }, actor)
    },

    remove: records.remove,

    /**
     * Past decisions on cases of the case's category that found any of the clauses violated: one
     * ledger row per clause (see clause-ledger.ts), then the cases listed.
     */
    async similarCases(
      record: Pick<Case, 'id' | 'category'>,
      clauseIds: readonly string[],
    ): Promise<SimilarCases<ListedCase>> {
      if (clauseIds.length === 0) return { cases: [], distribution: [], decisions: 0 }
      const ledger = await db.clauseLedger.bulkGet(
        clauseIds.map((clauseId) => clauseLedgerKey(record.category, clauseId)),
      )
      const found = similarCases({
        openCaseId: record.id,
        clauseIds,
        candidates: decisionsFromLedger(ledger.flatMap((row) => row ?? [])),
        limit: SIMILAR_CASES_LISTED,
      })
      const listed = await db.cases.bulkGet(found.cases.map((similar) => similar.caseId))
      return {
        ...found,
        cases: found.cases.flatMap((similar, at) => {
          const other = listed[at]
          return other ? [{ ...similar, caseNumber: other.caseNumber, title: other.title }] : []
        }),
      }
    },
  }
}
export type DeterminationRepository = ReturnType<typeof createDeterminationRepository>
