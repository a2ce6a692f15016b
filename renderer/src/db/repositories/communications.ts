import { type Actor, type Communication, CommunicationSchema, type TimelineEvent } from '@shared/domain'
import { describeCommunication } from '@shared/rules/communications/describe'
import { describeIssues } from '@shared/validation'
import type { WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { createCaseRecordRepository } from './case-records'
import { CaseRuleError } from './cases'

export type NewCommunication = Omit<Communication, 'id' | 'recordedBy' | 'recordedAt'>

/** Calls and messages of a case. Logging one also puts it on the case timeline, in one transaction. */
export function createCommunicationRepository(db: WorkstationDatabase, now: () => string) {
  const records = createCaseRecordRepository(db, {
    table: db.communications,
    entity: 'communication',
    schema: CommunicationSchema,
    orderedBy: 'occurredAt',
    describe: (message) => describeCommunication(message, null).title.toLowerCase(),
    now,
  })
  return {
    ...records,

    /** Records a call or message, with the party's name on its timeline entry. */
    async log(draft: NewCommunication, partyName: string | null, actor: Actor): Promise<Communication> {
      const at = now()
      const parsed = CommunicationSchema.safeParse({
        ...draft,
        id: crypto.randomUUID(),
        recordedBy: actor,
        recordedAt: at,
      })
      if (!parsed.success)
        throw new CaseRuleError(`The communication was not logged: ${describeIssues(parsed.error)}`)
      const message = parsed.data
      const described = describeCommunication(message, partyName)
      const entry: TimelineEvent = {
        id: crypto.randomUUID(),
        caseId: message.caseId,
        kind: 'communication',
        occurredAt: message.occurredAt,
        title: described.title,
        detail: described.detail,
        ref: { entity: 'communication', id: message.id },
        recordedBy: actor,
        recordedAt: at,
      }
      return guardStorage(() =>
        db.transaction('rw', [db.communications, db.timelineEvents, db.auditEntries], async () => {
          await records.add(message, actor)
          await db.timelineEvents.add(entry)
          return message
        }),
      )
    },
  }
}
