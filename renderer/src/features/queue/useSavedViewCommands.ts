import { repositories } from '@db/instance'
import { SETTINGS } from '@shared/rules/settings/registry'
import { type CommandDeclaration, commandRegistry } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { useQueueUi } from './queue-store'

/** While the queue is on screen, each of the analyst's saved views is a command that opens it. */
export function useSavedViewCommands(): void {
  const savedViews = useLiveQuery(() => repositories.settings.read(SETTINGS.savedQueueViews), [])
  useEffect(() => {
    if (!savedViews?.length) return
    return commandRegistry.declare(
      savedViews.map(
        (view): CommandDeclaration => ({
          id: `queue.saved-view.${view.id}`,
          title: `Saved queue view: ${view.name}`,
          group: 'Queue',
          run: () => useQueueUi.getState().openSavedView(view),
        }),
      ),
    )
  }, [savedViews])
}
