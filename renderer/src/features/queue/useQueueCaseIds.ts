import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'

const SEARCH_LIMIT = 200

/** The ids the queue lists: every case (most recently updated first), or the search matches. */
export function useQueueCaseIds(searchText: string): { ids: string[] | undefined; searching: boolean } {
  const query = searchText.trim()
  const ids = useLiveQuery(
    async () =>
      query === ''
        ? repositories.cases.queueCaseIds()
        : (await repositories.cases.search(query, SEARCH_LIMIT)).map((record) => record.id),
    [query],
  )
  return { ids, searching: query !== '' }
}
