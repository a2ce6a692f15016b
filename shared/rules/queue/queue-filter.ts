import { z } from 'zod'
import { CaseStatusSchema } from '../../domain/case-status'
import { IncidentCategorySchema } from '../../domain/categories'
import { SeveritySchema } from '../../domain/severity'

/** Whose cases: anyone's, mine, nobody's, or one analyst's (by id). */
export const AssigneeFilterSchema = z.union([
  z.literal('any'),
  z.literal('me'),
  z.literal('unassigned'),
  z.object({ analystId: z.string().min(1).max(128), name: z.string().max(200) }),
])
export type AssigneeFilter = z.infer<typeof AssigneeFilterSchema>

/** The queue's custom filter: every criterion narrows (AND); several values of one criterion widen (OR). */
export const QueueFilterSchema = z.object({
  categories: z.array(IncidentCategorySchema).max(20),
  severities: z.array(SeveritySchema).max(4),
  statuses: z.array(CaseStatusSchema).max(10),
  assignee: AssigneeFilterSchema,
  tag: z.string().trim().max(60),
  /** Case number or order id prefix, or words of the title (the same matching as the search box). */
  text: z.string().trim().max(200),
})
export type QueueFilter = z.infer<typeof QueueFilterSchema>

export const EMPTY_QUEUE_FILTER: QueueFilter = {
  categories: [],
  severities: [],
  statuses: [],
  assignee: 'any',
  tag: '',
  text: '',
}

export function isFilterEmpty(filter: QueueFilter): boolean {
  return (
    filter.categories.length === 0 &&
    filter.severities.length === 0 &&
    filter.statuses.length === 0 &&
    filter.assignee === 'any' &&
    filter.tag === '' &&
    filter.text === ''
  )
}

/** How the queue is ordered: the view's own order, or by SLA due, severity, or last update. */
export const QUEUE_SORTS = [
  { id: 'view', label: "View's order" },
  { id: 'sla_due', label: 'SLA due (soonest first)' },
  { id: 'severity', label: 'Severity (S1 first)' },
  { id: 'updated', label: 'Updated (newest first)' },
] as const
export const QueueSortSchema = z.enum(['view', 'sla_due', 'severity', 'updated'])
export type QueueSort = z.infer<typeof QueueSortSchema>

/** A filter and sort the analyst named and kept, listed with the built-in views. */
export const SavedQueueViewSchema = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1, 'a view needs a name').max(80),
  filter: QueueFilterSchema,
  sort: QueueSortSchema,
})
export type SavedQueueView = z.infer<typeof SavedQueueViewSchema>

export const SavedQueueViewListSchema = z
  .array(SavedQueueViewSchema)
  .max(100)
  .refine(
    (views) => new Set(views.map((view) => view.name.toLowerCase())).size === views.length,
    'view names repeat',
  )
