import {
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { TIMELINE_KIND_LABELS, type TimelineEventKind } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../format/time'
import { useAnalyst } from '../identity/useAnalyst'
import { LocalDateTimeField } from '../shell/LocalDateTimeField'
import { attempt } from '../shell/notices'
import { useCaseRequest } from './case-requests'
import { EmptyNote } from './Facts'

/** Records something that happened outside the app (a call from the police, a store visit ...). */
function AddEventDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose(): void }) {
  const analyst = useAnalyst()
  const [occurredAt, setOccurredAt] = useState(() => toLocalInputValue(new Date().toISOString()))
  const [title, setTitle] = useState('')
  const [detail, setDetail] = useState('')
  const when = fromLocalInputValue(occurredAt)
  const save = async () => {
    if (!analyst || !when) return
    const at = new Date().toISOString()
    const added = await attempt(() =>
      repositories.timeline.add(
        {
          id: crypto.randomUUID(),
          caseId,
          kind: 'manual',
          occurredAt: when,
          title,
          detail,
          ref: null,
          recordedBy: analyst,
          recordedAt: at,
        },
        analyst,
      ),
    )
    if (added) {
      setTitle('')
      setDetail('')
      onClose()
    }
  }
  return (
    <Dialog open={open} onClose={onClose}>
      <DialogTitle>Add timeline event</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1, width: 420 }}>
          <LocalDateTimeField
            label="When it happened"
            value={occurredAt}
            onChange={setOccurredAt}
            helperText="Your local time"
            missingText="Enter the date and time"
          />
          <TextField label="What happened" value={title} onChange={(event) => setTitle(event.target.value)} />
          <TextField
            label="Details"
            multiline
            minRows={3}
            value={detail}
            onChange={(event) => setDetail(event.target.value)}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!when || title.trim() === ''} onClick={save}>
          Add event
        </Button>
      </DialogActions>
    </Dialog>
  )
}

type KindFilter = TimelineEventKind | 'all'

export function TimelineSection({ caseId }: { caseId: string }) {
  const events = useLiveQuery(() => repositories.timeline.listForCase(caseId), [caseId])
  const [kind, setKind] = useState<KindFilter>('all')
  const [order, setOrder] = useState<'oldest' | 'newest'>('oldest')
  const [adding, setAdding] = useState(false)
  useCaseRequest('add-event', () => setAdding(true), events !== undefined)
  if (!events) return null
  const kinds = [...new Set(events.map((event) => event.kind))]
  const shown = events.filter((event) => kind === 'all' || event.kind === kind)
  if (order === 'newest') shown.reverse()
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="Show"
          value={kind}
          onChange={(event) => setKind(event.target.value as KindFilter)}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="all">Every kind ({events.length})</MenuItem>
          {kinds.map((name) => (
            <MenuItem key={name} value={name}>
              {TIMELINE_KIND_LABELS[name]} ({events.filter((event) => event.kind === name).length})
            </MenuItem>
          ))}
        </TextField>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={order}
          onChange={(_, next) => next && setOrder(next)}
          aria-label="Timeline order"
        >
          <ToggleButton value="oldest">Oldest first</ToggleButton>
          <ToggleButton value="newest">Newest first</ToggleButton>
        </ToggleButtonGroup>
        <Stack sx={{ flex: 1 }} />
        <Button variant="outlined" size="small" onClick={() => setAdding(true)}>
          Add event
        </Button>
      </Stack>
      {shown.length === 0 && <EmptyNote>Nothing on the timeline yet.</EmptyNote>}
      <List dense disablePadding data-testid="case-timeline">
        {shown.map((event) => (
          <ListItem key={event.id} divider disableGutters alignItems="flex-start">
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="caption" color="text.secondary" sx={{ minWidth: 150 }}>
                    {formatDateTime(event.occurredAt)}
                  </Typography>
                  <Chip label={TIMELINE_KIND_LABELS[event.kind]} variant="outlined" />
                  <Typography variant="body2">{event.title}</Typography>
                </Stack>
              }
              secondary={event.detail}
              slotProps={{ secondary: { sx: { pl: '158px', whiteSpace: 'pre-wrap' } } }}
            />
          </ListItem>
        ))}
      </List>
      {adding && <AddEventDialog caseId={caseId} open onClose={() => setAdding(false)} />}
    </Stack>
  )
}
