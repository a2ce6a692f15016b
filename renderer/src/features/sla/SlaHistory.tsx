import { List, ListItem, ListItemText, Typography } from '@mui/material'
import type { SlaHistoryEntry } from '@shared/rules/sla/clock'
import { formatDateTime } from '@ui/format/time'

/** The SLA log of a case: clocks started, paused, resumed, at risk, breached, met. */
export function SlaHistory({ history }: { history: readonly SlaHistoryEntry[] }) {
  return (
    <section aria-label="SLA history">
      <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
        SLA history
      </Typography>
      <List dense disablePadding data-testid="sla-history">
        {history.map((entry) => (
          <ListItem key={`${entry.at}-${entry.kind}-${entry.target}`} disableGutters>
            <ListItemText
              primary={entry.detail}
              secondary={formatDateTime(entry.at)}
              slotProps={{ primary: { color: entry.kind === 'breached' ? 'error' : undefined } }}
            />
          </ListItem>
        ))}
      </List>
    </section>
  )
}
