import { QUEUE_VIEWS } from '@db/repositories/queue-views'
import { EMPTY_QUEUE_FILTER, isFilterEmpty } from '@shared/rules/queue/queue-filter'
import type { CommandDeclaration } from '@workspace/commands'
import { useQueueUi } from './queue-store'

/** The queue's commands: each built-in view, and the filter's. Saved views: see useSavedViewCommands. */
export const QUEUE_COMMANDS: CommandDeclaration[] = [
  ...QUEUE_VIEWS.map(
    ({ id, label }): CommandDeclaration => ({
      id: `queue.view.${id}`,
      title: `Queue view: ${label}`,
      group: 'Queue',
      run: () => useQueueUi.getState().setQueueView(id),
    }),
  ),
  {
    id: 'queue.clear-filter',
    title: 'Clear the queue filter',
    group: 'Queue',
    when: () => !isFilterEmpty(useQueueUi.getState().queueFilter),
    run: () => useQueueUi.getState().setQueueFilter(EMPTY_QUEUE_FILTER),
  },
  // Carried out by the filter bar's "Save view…" button, while it shows.
  { id: 'queue.save-view', title: 'Save the queue filter as a view…', group: 'Queue' },
]
