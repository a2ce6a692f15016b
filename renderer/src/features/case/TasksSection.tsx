import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked'
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { EmptyNote } from './Facts'

export function TasksSection({ caseId }: { caseId: string }) {
  const tasks = useLiveQuery(() => repositories.tasks.listForCase(caseId), [caseId])
  if (!tasks) return null
  if (tasks.length === 0) return <EmptyNote>No investigation tasks on this case.</EmptyNote>
  return (
    <List dense disablePadding aria-label="Investigation checklist">
      {tasks.map((task) => (
        <ListItem key={task.id} divider disableGutters>
          <ListItemIcon sx={{ minWidth: 32 }}>
            {task.done ? (
              <CheckCircleIcon color="success" fontSize="small" titleAccess="Done" />
            ) : (
              <RadioButtonUncheckedIcon fontSize="small" titleAccess="Open" />
            )}
          </ListItemIcon>
          <ListItemText
            primary={task.title}
            secondary={
              task.done && task.doneBy
                ? `Done by ${task.doneBy.name}, ${formatDateTime(task.doneAt)}`
                : undefined
            }
          />
        </ListItem>
      ))}
    </List>
  )
}
