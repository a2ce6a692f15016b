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

/** The ids the queue lists: every case (most recently updated first), or the search matches. */
export function useQueueCaseIds(searchText: string): QueueCaseIds {
  const query = searchText.trim()
  const top = useLiveQuery(() => (query === '' ? repositories.cases.queueCaseIds(QUEUE_TOP) : []), [query])
  const ids = useLiveQuery(
    async () =>
      query === ''
        ? repositories.cases.queueCaseIds()
        : (await repositories.cases.search(query, SEARCH_LIMIT)).map((record) => record.id),
    [query],
  )
  if (ids === undefined && query === '' && top !== undefined) {
    return { ids: top, searching: false, complete: false }
  }
  return { ids, searching: query !== '', complete: ids !== undefined }
}
