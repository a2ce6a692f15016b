import { repositories } from '@db/instance'
import { type QueueViewContext, type QueueViewId, TIME_BASED_VIEWS } from '@db/repositories/queue-views'
import { isFilterEmpty, type QueueFilter, type QueueSort } from '@shared/rules/queue/queue-filter'
import { useLiveQuery } from 'dexie-react-hooks'
import { useCaseWrites } from './useCaseWrites'

const SEARCH_LIMIT = 200
/** Enough rows to fill a tall screen while the full id list (100,000 keys) is still being read. */
const QUEUE_TOP = 100

export interface QueueCaseIds {
  ids: string[] | undefined
  searching: boolean
  /** False while only the top of the queue is known (cold start over a large database). */
  complete: boolean
  /** The filter text named too many cases to read per keystroke: these are some of them. */
  partial: boolean
}

/**
 * The ids the queue lists: the chosen view (in its order), or the search matches. For "All cases",
 * reading every key of 100,000 cases takes about a second and holds up other reads, so it starts
 * only once the top of the queue has been painted (`topPainted`).
 */
export function useQueueCaseIds(
  searchText: string,
  view: QueueViewId,
  filter: QueueFilter,
  sort: QueueSort,
  context: QueueViewContext,
  topPainted: boolean,
): QueueCaseIds {
  const caseWrites = useCaseWrites()
  const query = searchText.trim()
  const custom = !isFilterEmpty(filter) || sort !== 'view'
  const filterKey = JSON.stringify(filter)
  const allCases = query === '' && view === 'all' && !custom
  const top = useLiveQuery(() => (allCases ? repositories.cases.queueCaseIds(QUEUE_TOP) : []), [allCases])
  const topIsAll = top !== undefined && top.length < QUEUE_TOP
  const listed = useLiveQuery(async () => {
    if (query !== '')
      return whole((await repositories.cases.search(query, SEARCH_LIMIT)).map((record) => record.id))
    if (custom) return repositories.queueViews.filteredCaseIds(view, filter, sort, context)
    if (!allCases) return whole(await repositories.queueViews.caseIds(view, context))
    return topIsAll || !topPainted ? undefined : whole(await repositories.cases.queueCaseIds())
  }, [
    query,
    view,
    filterKey,
    sort,
    context.analystId,
    TIME_BASED_VIEWS.has(view) ? context.now : null,
    topPainted,
    topIsAll,
    caseWrites,
  ])
  const ids = listed?.ids
  if (allCases && ids === undefined && top !== undefined) {
    return { ids: top, searching: false, complete: topIsAll, partial: false }
  }
  return { ids, searching: query !== '', complete: ids !== undefined, partial: listed?.partial ?? false }
}

const whole = (ids: string[]) => ({ ids, partial: false })
