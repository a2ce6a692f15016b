import { NoteSchema, TIMELINE_KIND_LABELS, TimelineEventSchema } from '@shared/domain'
import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'
import { createAnnotationRepository } from './annotations'
import { createCaseFileRepository } from './case-files'
import { createCaseMetricsRepository } from './case-metrics'
import { createCaseIdCache } from './case-order'
import { createCaseRecordRepository } from './case-records'
import { createCaseRepository } from './cases'
import { createCommunicationRepository } from './communications'
import { createCustodyLog } from './custody-log'
import { createDeterminationRepository } from './determinations'
import { createEvidenceRepository } from './evidence'
import { createOrderRepository } from './orders'
import { createPartyRepository } from './parties'
import { createQueueViewRepository } from './queue-views'
import { createReportTextRepository } from './report-text'
import { createReportRepository } from './reports'
import { createSettingsRepository } from './settings'
import { createShiftHandoffRepository } from './shift-handoff'
import { createSyncOutboxRepository } from './sync-outbox'
import { createTaskRepository } from './tasks'
import { createClaimRepository, createContactAttemptRepository } from './verification'

/** Every repository over one database. `now` is injectable so tests control the clock. */
export function createRepositories(
  db: WorkstationDatabase,
  now: () => string = () => new Date().toISOString(),
) {
  const settings = createSettingsRepository(db, now)
  const order = createCaseIdCache(db)
  const cases = createCaseRepository(db, settings, now, order)
  const custody = createCustodyLog(db, now)
  return {
    settings,
    cases,
    queueViews: createQueueViewRepository(db, cases, order),
    caseIdCache: order,
    parties: createPartyRepository(db, now),
    timeline: createCaseRecordRepository(db, {
      table: db.timelineEvents,
      entity: 'timelineEvent',
      schema: TimelineEventSchema,
      orderedBy: 'occurredAt',
      describe: (event) => `${TIMELINE_KIND_LABELS[event.kind].toLowerCase()} "${event.title}"`,
      now,
    }),
    tasks: createTaskRepository(db, now),
    notes: createCaseRecordRepository(db, {
      table: db.notes,
      entity: 'note',
      schema: NoteSchema,
      orderedBy: 'createdAt',
      describe: () => 'a note',
      now,
    }),
    communications: createCommunicationRepository(db, now),
    evidence: createEvidenceRepository(db, now, custody),
    annotations: createAnnotationRepository(db, now, custody),
    custody: { listForEvidence: custody.listForEvidence },
    determinations: createDeterminationRepository(db, settings, now),
    orders: createOrderRepository(db, now),
    contactAttempts: createContactAttemptRepository(db, now),
    claims: createClaimRepository(db, now),
    metrics: createCaseMetricsRepository(db, settings),
    handoff: createShiftHandoffRepository(db, settings),
    reports: createReportRepository(db, now),
    reportText: createReportTextRepository(db),
    syncOutbox: createSyncOutboxRepository(db),
    audit: {
      /** Newest first, as the audit tab reads. */
      listForCase: (caseId: string) =>
        db.auditEntries
          .where('[caseId+at]')
          .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
          .reverse()
          .toArray(),
    },
    caseFiles: createCaseFileRepository(db, settings),
  }
}
export type Repositories = ReturnType<typeof createRepositories>
