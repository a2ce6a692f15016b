import { Box, List, ListItem, ListItemText, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import type { FieldChange } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { EmptyNote } from './Facts'

const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '∅'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value)

function Change({ change }: { change: FieldChange }) {
  return (
    <Box component="span" sx={{ display: 'block' }}>
      {change.field}: {show(change.before)} → {show(change.after)}
    </Box>
  )
}

export function AuditSection({ caseId }: { caseId: string }) {
  const entries = useLiveQuery(() => repositories.audit.listForCase(caseId), [caseId])
  if (!entries) return null
  if (entries.length === 0) return <EmptyNote>No changes recorded.</EmptyNote>
  return (
    <List dense disablePadding aria-label="Audit log">
      {entries.map((entry) => (
        <ListItem key={entry.id} divider disableGutters>
          <ListItemText
            primary={
              <Typography variant="body2">
                <strong>{entry.actor.name}</strong> · {formatDateTime(entry.at)} · {entry.summary}
              </Typography>
            }
            secondary={entry.changes.map((change) => <Change key={change.field} change={change} />)}
            slotProps={{ secondary: { component: 'div', sx: { fontFamily: 'monospace', fontSize: 12 } } }}
          />
        </ListItem>
      ))}
    </List>
  )
}
