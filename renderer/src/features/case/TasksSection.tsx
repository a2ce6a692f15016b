import { repositories } from '@db/instance'
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward'
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward'
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined'
import {
  Box,
  Checkbox,
  IconButton,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { attempt } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { useRef, useState } from 'react'

/** The investigation checklist: tick off, reorder, remove, and add the steps this case needs. */
export function TasksSection({ caseId }: { caseId: string }) {
  const tasks = useLiveQuery(() => repositories.tasks.listForCase(caseId), [caseId])
  const analyst = useAnalyst()
  const [newTitle, setNewTitle] = useState('')
  const newTaskField = useRef<HTMLInputElement>(null)
  useCommandRuntime(
    'case.add-task',
    () => newTaskField.current?.focus(),
    tasks !== undefined && Boolean(analyst),
  )
  if (!tasks || !analyst) return null
  const done = tasks.filter((task) => task.done).length

  const addTask = async () => {
    const added = await attempt(() => repositories.tasks.add(caseId, newTitle, analyst))
    if (added) setNewTitle('')
  }

  return (
    <Stack spacing={1}>
      {tasks.length > 0 && (
        <Box>
          <Typography variant="body2" color="text.secondary" data-testid="checklist-progress">
            {done} of {tasks.length} done
          </Typography>
          <LinearProgress variant="determinate" value={(done / tasks.length) * 100} aria-hidden />
        </Box>
      )}
      {tasks.length === 0 && <EmptyNote>No investigation tasks on this case.</EmptyNote>}
      <List dense disablePadding aria-label="Investigation checklist">
        {tasks.map((task, index) => (
          <ListItem
            key={task.id}
            divider
            disableGutters
            secondaryAction={
              <Stack direction="row">
                <IconButton
                  size="small"
                  aria-label={`Move "${task.title}" up`}
                  disabled={index === 0}
                  onClick={() => attempt(() => repositories.tasks.move(task.id, 'up', analyst))}
                >
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Move "${task.title}" down`}
                  disabled={index === tasks.length - 1}
                  onClick={() => attempt(() => repositories.tasks.move(task.id, 'down', analyst))}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Remove "${task.title}"`}
                  onClick={() => attempt(() => repositories.tasks.remove(task.id, analyst))}
                >
                  <DeleteOutlinedIcon fontSize="small" />
                </IconButton>
              </Stack>
            }
            sx={{ pr: 14 }}
          >
            <ListItemIcon sx={{ minWidth: 36 }}>
              <Checkbox
                edge="start"
                size="small"
                checked={task.done}
                slotProps={{ input: { 'aria-label': task.title } }}
                onChange={(event) =>
                  attempt(() => repositories.tasks.setDone(task.id, event.target.checked, analyst))
                }
              />
            </ListItemIcon>
            <ListItemText
              primary={task.title}
              slotProps={{
                primary: { sx: task.done ? { textDecoration: 'line-through', color: 'text.secondary' } : {} },
              }}
              secondary={
                task.done && task.doneBy
                  ? `Done by ${task.doneBy.name}, ${formatDateTime(task.doneAt)}`
                  : undefined
              }
            />
          </ListItem>
        ))}
      </List>
      <Box
        component="form"
        onSubmit={(event) => {
          event.preventDefault()
          void addTask()
        }}
      >
        <TextField
          size="small"
          fullWidth
          inputRef={newTaskField}
          label="Add a task"
          placeholder="e.g. Request store camera footage — press Enter to add"
          value={newTitle}
          onChange={(event) => setNewTitle(event.target.value)}
        />
      </Box>
    </Stack>
  )
}
