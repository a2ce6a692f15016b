import Dexie from 'dexie'
import { OPEN_STATUSES, UNASSIGNED } from '../../../../shared/domain'
import { NO_SLA_DUE } from '../../../../shared/sla/case-sla'
import type { WorkstationDatabase } from '../database'
import type { CaseRepository } from './cases'

/** The queue's built-in views, in the order the view picker lists them. */
export const QUEUE_VIEWS = [
  { id: 'all', label: 'All cases' },
  { id: 'mine', label: 'My open cases' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'at_risk', label: 'At risk' },
  { id: 'breached', label: 'Breached' },
  { id: 'awaiting_party', label: 'Awaiting party' },
  { id: 'resolved_this_week', label: 'Resolved this week' },
] as const
export type QueueViewId = (typeof QUEUE_VIEWS)[number]['id']

/** Views whose members change with the clock alone, so they are re-read as time passes. */
export const TIME_BASED_VIEWS: ReadonlySet<QueueViewId> = new Set([
  'at_risk',
  'breached',
  'resolved_this_week',
])

export interface QueueViewContext {
  analystId: string
  /** ISO instant the time-based views (at risk, breached, this week) are read at. */
  now: string
}

/** "This week" is the last seven days, so the view does not empty itself every Monday. */
const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Case ids per view, from indexes only (keys, never whole records), in the view's order: SLA due
 * first for the working views, most recently updated first for the others.
 */
export function createQueueViewRepository(
  db: WorkstationDatabase,
  cases: Pick<CaseRepository, 'queueCaseIds'>,
) {
  /** Open cases of one assignee ('' = unassigned), soonest SLA due first (paused ones last). */
  async function openCasesOf(assigneeId: string): Promise<string[]> {
    const [bySlaDue, open] = await Promise.all([
      db.cases
        .where('[assigneeId+slaDueAt]')
        .between([assigneeId, Dexie.minKey], [assigneeId, Dexie.maxKey])
        .primaryKeys(),
      db.cases
        .where('[assigneeId+status]')
        .anyOf(OPEN_STATUSES.map((status) => [assigneeId, status]))
        .primaryKeys(),
    ])
    const isOpen = new Set(open)
    return bySlaDue.filter((id) => isOpen.has(id))
  }

  const newestFirstWithStatus = (status: string, since = '') =>
    db.cases
      .where('[status+updatedAt]')
      .between([status, since], [status, Dexie.maxKey])
      .reverse()
      .primaryKeys()

  const views: Record<QueueViewId, (context: QueueViewContext) => Promise<string[]>> = {
    all: () => cases.queueCaseIds(),
    mine: ({ analystId }) => openCasesOf(analystId),
    unassigned: () => openCasesOf(UNASSIGNED),
    // A running clock past its due time (paused and finished clocks store a far-future due).
    breached: ({ now }) => db.cases.where('slaDueAt').belowOrEqual(now).primaryKeys(),
    at_risk: async ({ now }) => {
      const [notYetDue, risky] = await Promise.all([
        db.cases.where('slaDueAt').between(now, NO_SLA_DUE, false, false).primaryKeys(),
        db.cases.where('slaAtRiskAt').belowOrEqual(now).primaryKeys(),
      ])
      const atRisk = new Set(risky)
      return notYetDue.filter((id) => atRisk.has(id))
    },
    awaiting_party: () => newestFirstWithStatus('awaiting_party'),
    resolved_this_week: ({ now }) =>
      newestFirstWithStatus('resolved', new Date(Date.parse(now) - WEEK_MS).toISOString()),
  }

  return {
    caseIds: (view: QueueViewId, context: QueueViewContext) => views[view](context),

    /** How many cases each view holds, for the view picker. */
    async counts(context: QueueViewContext): Promise<Record<QueueViewId, number>> {
      const entries = await Promise.all(
        QUEUE_VIEWS.map(
          async ({ id }) =>
            [id, id === 'all' ? await db.cases.count() : (await views[id](context)).length] as const,
        ),
      )
      return Object.fromEntries(entries) as Record<QueueViewId, number>
    },
  }
}
export type QueueViewRepository = ReturnType<typeof createQueueViewRepository>
