import { Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { TIMELINE_KIND_LABELS } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { EmptyNote } from './Facts'

export function TimelineSection({ caseId }: { caseId: string }) {
  const events = useLiveQuery(() => repositories.timeline.listForCase(caseId), [caseId])
  if (!events) return null
  if (events.length === 0) return <EmptyNote>Nothing on the timeline yet.</EmptyNote>
  return (
    <List dense disablePadding data-testid="case-timeline">
      {events.map((event) => (
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
  )
}
