import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'

const SEARCH_LIMIT = 200
/** Enough rows to fill a tall screen while the full id list (100,000 keys) is still being read. */
const QUEUE_TOP = 100

export interface QueueCaseIds {
  ids: string[] | undefined
  searching: boolean
  /** False while only the top of the queue is known (cold start over a large database). */
  complete: boolean
}

/**
 * The ids the queue lists: every case (most recently updated first), or the search matches.
 * Reading every key of 100,000 cases takes about a second and holds up other reads, so it starts
 * only once the top of the queue has been painted (`topPainted`).
 */
export function useQueueCaseIds(searchText: string, topPainted: boolean): QueueCaseIds {
  const query = searchText.trim()
  const top = useLiveQuery(() => (query === '' ? repositories.cases.queueCaseIds(QUEUE_TOP) : []), [query])
  const topIsAll = top !== undefined && top.length < QUEUE_TOP
  const all = useLiveQuery(async () => {
    if (query !== '') return (await repositories.cases.search(query, SEARCH_LIMIT)).map((record) => record.id)
    return topIsAll || !topPainted ? undefined : repositories.cases.queueCaseIds()
  }, [query, topPainted, topIsAll])
  if (query === '' && all === undefined && top !== undefined) {
    return { ids: top, searching: false, complete: topIsAll }
  }
  return { ids: all, searching: query !== '', complete: all !== undefined }
}
