import { repositories } from '@db/instance'
import { QUEUE_VIEWS, type QueueViewContext, type QueueViewId } from '@db/repositories/queue-views'
import { ListSubheader, MenuItem, TextField } from '@mui/material'
import { SETTINGS } from '@shared/rules/settings/registry'
import { useLiveQuery } from 'dexie-react-hooks'
import { useQueueUi } from './queue-store'
import { useCaseWrites } from './useCaseWrites'

const SAVED = 'saved:'

/**
 * The built-in views and the analyst's saved views, with how many cases each holds. Counts wait for
 * the first rows (`counting`).
 */
export function QueueViewPicker({ context, counting }: { context: QueueViewContext; counting: boolean }) {
  const view = useQueueUi((state) => state.queueView)
  const savedViewId = useQueueUi((state) => state.savedViewId)
  const caseWrites = useCaseWrites()
  const savedViews = useLiveQuery(() => repositories.settings.read(SETTINGS.savedQueueViews), []) ?? []
  const counts = useLiveQuery(
    () => (counting ? repositories.queueViews.counts(context) : undefined),
    [counting, context.analystId, context.now, caseWrites],
  )
  const savedCounts = useLiveQuery(
    async () =>
      counting
        ? Promise.all(savedViews.map((saved) => repositories.queueViews.filterCount(saved.filter, context)))
        : undefined,
    [counting, JSON.stringify(savedViews), context.analystId, caseWrites],
  )
  const withCount = (label: string, count: number | undefined) =>
    count === undefined ? label : `${label} (${count.toLocaleString('en-US')})`

  return (
    <TextField
      select
      size="small"
      label="Queue view"
      value={savedViewId ? `${SAVED}${savedViewId}` : view}
      onChange={(event) => {
        const value = event.target.value
        const ui = useQueueUi.getState()
        if (!value.startsWith(SAVED)) return ui.setQueueView(value as QueueViewId)
        const saved = savedViews.find((candidate) => `${SAVED}${candidate.id}` === value)
        if (saved) ui.openSavedView(saved)
      }}
      sx={{ minWidth: 240 }}
    >
      {QUEUE_VIEWS.map(({ id, label }) => (
        <MenuItem key={id} value={id}>
          {withCount(label, counts?.[id])}
        </MenuItem>
      ))}
      {savedViews.length > 0 && <ListSubheader>Saved views</ListSubheader>}
      {savedViews.map((saved, index) => (
        <MenuItem key={saved.id} value={`${SAVED}${saved.id}`}>
          {withCount(saved.name, savedCounts?.[index])}
        </MenuItem>
      ))}
    </TextField>
  )
}
