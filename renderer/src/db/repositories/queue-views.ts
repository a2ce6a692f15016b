import { type Case, OPEN_STATUSES, SEVERITIES, UNASSIGNED } from '@shared/domain'
import type { QueueFilter, QueueSort } from '@shared/rules/queue/queue-filter'
import { NO_SLA_DUE } from '@shared/rules/sla/case-sla'
import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'
import type { CaseIdCache } from './case-order'
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
  cases: Pick<CaseRepository, 'queueCaseIds' | 'searchIds'>,
  order: CaseIdCache,
) {
  const readSorted = order.ids
  /** Read and sorted below this many cases (unless the order is cached); above, the order is read and filtered. */
  const SORT_IN_MEMORY = 2_000
  const compareBy: Record<Exclude<QueueSort, 'view'>, (a: Case, b: Case) => number> = {
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
    sla_due: (a, b) => a.slaDueAt.localeCompare(b.slaDueAt),
    severity: (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.slaDueAt.localeCompare(b.slaDueAt),
  }
  async function sortIds(ids: string[], sort: Exclude<QueueSort, 'view'>): Promise<string[]> {
    // With the order in memory, filtering it beats reading even a few hundred whole cases.
    if (ids.length <= SORT_IN_MEMORY && !order.hasOrder(sort)) {
      const records = (await db.cases.bulkGet(ids)).filter((record): record is Case => record !== undefined)
      return records
        .sort((a, b) => compareBy[sort](a, b) || a.id.localeCompare(b.id))
        .map((record) => record.id)
    }
    const members = new Set(ids)
    return (await readSorted(sort)).filter((id) => members.has(id))
  }

  /** The ids matching a custom filter (unordered), from one index per criterion; null = no criterion. */
  async function filterMatches(
    filter: QueueFilter,
    context: QueueViewContext,
  ): Promise<{ matches: Set<string> | null; partial: boolean }> {
    let partial = false
    const reads: Array<Promise<string[]>> = []
    if (filter.categories.length)
      reads.push(db.cases.where('category').anyOf(filter.categories).primaryKeys())
    if (filter.severities.length)
      reads.push(db.cases.where('severity').anyOf(filter.severities).primaryKeys())
    if (filter.statuses.length) reads.push(db.cases.where('status').anyOf(filter.statuses).primaryKeys())
    if (filter.assignee !== 'any') {
      const assigneeId =
        filter.assignee === 'me'
          ? context.analystId
          : filter.assignee === 'unassigned'
            ? UNASSIGNED
            : filter.assignee.analystId
      reads.push(db.cases.where('assigneeId').equals(assigneeId).primaryKeys())
    }
    if (filter.tag.trim()) reads.push(db.cases.where('tags').equals(filter.tag.trim()).primaryKeys())
    if (filter.text.trim())
      reads.push(
        cases.searchIds(filter.text).then((found) => {
          partial = found.partial
          return [...found.ids]
        }),
      )
    if (reads.length === 0) return { matches: null, partial }
    const [smallest, ...rest] = (await Promise.all(reads)).sort((a, b) => a.length - b.length)
    const others = rest.map((ids) => new Set(ids))
    return { matches: new Set(smallest!.filter((id) => others.every((set) => set.has(id)))), partial }
  }

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

  /**
   * A view's ids, remembered until a case changes: counting the views reads them anyway, so
   * switching to a view afterwards costs no read. Time-based views are remembered per `now`.
   */
  const viewIds = (view: QueueViewId, context: QueueViewContext): Promise<string[]> =>
    order.remember(`view:${view}|${context.analystId}|${TIME_BASED_VIEWS.has(view) ? context.now : ''}`, () =>
      views[view](context),
    )

  return {
    caseIds: viewIds,

    /**
     * A view narrowed by a custom filter and put in the chosen order. "All cases" with a filter
     * starts from the filter's own index reads, never from every key. `partial` when the filter text
     * was too broad to read in full (see CaseRepository.searchIds).
     */
    async filteredCaseIds(
      view: QueueViewId,
      filter: QueueFilter,
      sort: QueueSort,
      context: QueueViewContext,
    ): Promise<{ ids: string[]; partial: boolean }> {
      const { matches, partial } = await filterMatches(filter, context)
      if (view === 'all') {
        const order = sort === 'view' ? 'updated' : sort
        return { ids: matches ? await sortIds([...matches], order) : await readSorted(order), partial }
      }
      const base = await viewIds(view, context)
      const narrowed = matches ? base.filter((id) => matches.has(id)) : base
      return { ids: sort === 'view' ? narrowed : await sortIds(narrowed, sort), partial }
    },

    /** Every analyst cases are assigned to, for the assignee filter (unique index keys, then one case each). */
    async assignees(): Promise<Array<{ analystId: string; name: string }>> {
      const ids = (await db.cases.orderBy('assigneeId').uniqueKeys()).filter((id) => id !== UNASSIGNED)
      const named = await Promise.all(
        ids.map(async (id) => ({
          analystId: String(id),
          name: (await db.cases.where('assigneeId').equals(id).first())?.assigneeName || String(id),
        })),
      )
      return named.sort((a, b) => a.name.localeCompare(b.name))
    },

    /** How many cases a custom filter matches (for saved views in the picker). */
    async filterCount(filter: QueueFilter, context: QueueViewContext): Promise<number> {
      const { matches } = await filterMatches(filter, context)
      return matches ? matches.size : db.cases.count()
    },

    /** How many cases each view holds, for the view picker. */
    async counts(context: QueueViewContext): Promise<Record<QueueViewId, number>> {
      const entries = await Promise.all(
        QUEUE_VIEWS.map(
          async ({ id }) =>
            [id, id === 'all' ? await db.cases.count() : (await viewIds(id, context)).length] as const,
        ),
      )
      return Object.fromEntries(entries) as Record<QueueViewId, number>
    },
  }
}
export type QueueViewRepository = ReturnType<typeof createQueueViewRepository>
