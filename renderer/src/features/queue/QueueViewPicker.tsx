import { MenuItem, TextField } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'
import { QUEUE_VIEWS, type QueueViewContext } from '../../db/repositories/queue-views'
import { useWorkspaceUi } from '../shell/ui-store'

/** The built-in views with how many cases each holds. Counts wait for the first rows (`counting`). */
export function QueueViewPicker({ context, counting }: { context: QueueViewContext; counting: boolean }) {
  const view = useWorkspaceUi((state) => state.queueView)
  const setView = useWorkspaceUi((state) => state.setQueueView)
  const counts = useLiveQuery(
    () => (counting ? repositories.queueViews.counts(context) : undefined),
    [counting, context.analystId, context.now],
  )
  return (
    <TextField
      select
      size="small"
      label="Queue view"
      value={view}
      onChange={(event) => setView(event.target.value as typeof view)}
      sx={{ minWidth: 240 }}
    >
      {QUEUE_VIEWS.map(({ id, label }) => (
        <MenuItem key={id} value={id}>
          {counts ? `${label} (${counts[id].toLocaleString('en-US')})` : label}
        </MenuItem>
      ))}
    </TextField>
  )
}
