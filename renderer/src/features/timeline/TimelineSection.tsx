import { repositories } from '@db/instance'
import {
  Button,
  Chip,
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
import { TIMELINE_KIND_LABELS, type TimelineEventKind } from '@shared/domain'
import { withOrderEvents } from '@shared/rules/orders/order-timeline'
import { showUntrusted, showUntrustedLines } from '@shared/untrusted-text'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { useCommandRuntime } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { TimelineEventDialog } from './TimelineEventDialog'

type KindFilter = TimelineEventKind | 'all'

export function TimelineSection({ caseId }: { caseId: string }) {
  // The case's own events, and its orders' events marked as order data.
  const events = useLiveQuery(async () => {
    const [own, orders] = await Promise.all([
      repositories.timeline.listForCase(caseId),
      repositories.orders.listForCase(caseId),
    ])
    return withOrderEvents(own, orders)
  }, [caseId])
  const [kind, setKind] = useState<KindFilter>('all')
  const [order, setOrder] = useState<'oldest' | 'newest'>('oldest')
  const [adding, setAdding] = useState(false)
  useCommandRuntime('timeline.add-event', () => setAdding(true), events !== undefined)
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
                  {/* Titles and details quote names as imported ("Exhibit E-2 added: …"): shown safely. */}
                  <Typography variant="body2">{showUntrusted(event.title)}</Typography>
                </Stack>
              }
              secondary={showUntrustedLines(event.detail)}
              slotProps={{ secondary: { sx: { pl: '158px', whiteSpace: 'pre-wrap' } } }}
            />
          </ListItem>
        ))}
      </List>
      {adding && <TimelineEventDialog caseId={caseId} onClose={() => setAdding(false)} />}
    </Stack>
  )
}
