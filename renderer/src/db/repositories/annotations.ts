import {
  type Actor,
  describeAnnotation,
  type EvidenceAnnotation,
  EvidenceAnnotationSchema,
  exhibitLabel,
} from '@shared/domain'
import type { WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { createCaseRecordRepository } from './case-records'
import { CaseRuleError } from './cases'
import type { CustodyLog } from './custody-log'

/** What the viewer supplies for a new mark; the repository adds who, when and the ids. */
export type NewAnnotation = EvidenceAnnotation extends infer A
  ? A extends EvidenceAnnotation
    ? Omit<A, 'id' | 'caseId' | 'createdAt' | 'createdBy'>
    : never
  : never

/**
 * Analysts' marks on evidence: shapes, redactions and timestamped notes. They never touch the
 * evidence bytes; every change is audited and is a line of the item's chain of custody ("annotated").
 */
export function createAnnotationRepository(db: WorkstationDatabase, now: () => string, custody: CustodyLog) {
  const records = createCaseRecordRepository(db, {
    table: db.annotations,
    entity: 'annotation',
    schema: EvidenceAnnotationSchema,
    describe: describeAnnotation,
    now,
  })
  const tables = [db.annotations, db.auditEntries, db.custodyEvents, db.evidence]
  const itemFor = async (evidenceId: string) => {
    const item = await db.evidence.get(evidenceId)
    if (!item) throw new CaseRuleError('That evidence item no longer exists on this workstation.')
    return item
  }

  return {
    listForCase: records.listForCase,
    /** In the order they were made. */
    async listForEvidence(evidenceId: string): Promise<EvidenceAnnotation[]> {
      const marks = await db.annotations.where('evidenceId').equals(evidenceId).toArray()
      return marks.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    },

    add(mark: NewAnnotation, actor: Actor): Promise<EvidenceAnnotation> {
      return guardStorage(() =>
        db.transaction('rw', tables, async () => {
          const item = await itemFor(mark.evidenceId)
          if (item.removed)
            throw new CaseRuleError(
              `${exhibitLabel(item.exhibitNumber)} was removed from the case; it cannot be annotated.`,
            )
          const stored = await records.add(
            {
              ...mark,
              id: crypto.randomUUID(),
              caseId: item.caseId,
              createdAt: now(),
              createdBy: actor,
            } as EvidenceAnnotation,
            actor,
          )
          await custody.append(item, 'annotated', actor, `Added ${describeAnnotation(stored)}`)
          return stored
        }),
      )
    },

    /** Changes the text of a callout or a timestamped note. */
    updateText(id: string, text: string, actor: Actor): Promise<EvidenceAnnotation> {
      return guardStorage(() =>
        db.transaction('rw', tables, async () => {
          const current = await db.annotations.get(id)
          if (!current || (current.kind !== 'callout' && current.kind !== 'note'))
            throw new CaseRuleError('That annotation has no text to change.')
          const stored = await records.update(id, { text } as Partial<typeof current>, actor)
          await custody.append(
            await itemFor(current.evidenceId),
            'annotated',
            actor,
            `Changed ${describeAnnotation(stored)}`,
          )
          return stored
        }),
      )
    },

    remove(id: string, actor: Actor): Promise<void> {
      return guardStorage(() =>
        db.transaction('rw', tables, async () => {
          const current = await db.annotations.get(id)
          if (!current) return
          await records.remove(id, actor)
          await custody.append(
            await itemFor(current.evidenceId),
            'annotated',
            actor,
            `Removed ${describeAnnotation(current)}`,
          )
        }),
      )
    },
  }
}
export type AnnotationRepository = ReturnType<typeof createAnnotationRepository>
