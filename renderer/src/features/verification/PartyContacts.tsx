import { Button, Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material'
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_OUTCOME_LABELS,
  type ContactAttempt,
  PARTY_ROLE_LABELS,
  type Party,
} from '@shared/domain'
import { showUntrusted } from '@shared/untrusted-text'
import { formatDateTime } from '@ui/format/time'

/** One party's contact attempts, newest last, and where verification stands. */
export function PartyContacts({
  party,
  attempts,
  onLog,
}: {
  party: Party
  attempts: ContactAttempt[]
  onLog(): void
}) {
  const statement = attempts.some((attempt) => attempt.outcome === 'statement_taken')
  const reached = attempts.some((attempt) => attempt.outcome === 'reached')
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5 }}
      component="section"
      aria-label={`Contact attempts with ${showUntrusted(party.name)}`}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h4" sx={{ flex: 1 }}>
          {showUntrusted(party.name)}{' '}
          <Typography component="span" color="text.secondary">
            ({PARTY_ROLE_LABELS[party.role].toLowerCase()})
          </Typography>
        </Typography>
        <Chip
          size="small"
          color={statement ? 'success' : reached ? 'info' : 'default'}
          label={
            statement
              ? 'Statement taken'
              : reached
                ? 'Reached, no statement yet'
                : `Not reached (${attempts.length} attempt${attempts.length === 1 ? '' : 's'})`
          }
        />
        <Button size="small" onClick={onLog}>
          Log attempt
        </Button>
      </Stack>
      {attempts.length > 0 && (
        <List dense disablePadding>
          {attempts.map((attempt) => (
            <ListItem key={attempt.id} disableGutters>
              <ListItemText
                primary={`${formatDateTime(attempt.at)} · ${CONTACT_CHANNEL_LABELS[attempt.channel]} · ${CONTACT_OUTCOME_LABELS[attempt.outcome]}`}
                secondary={attempt.note || undefined}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  )
}
