import { Card, CardContent, Stack, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'
import { formatDateTime, formatDuration } from '../../format/time'
import { EmptyNote } from './Facts'

const CHANNEL_LABELS = {
  phone: 'Call',
  email: 'Email',
  sms: 'Text message',
  in_app_chat: 'In-app chat',
} as const

export function CommunicationsSection({ caseId }: { caseId: string }) {
  const messages = useLiveQuery(() => repositories.communications.listForCase(caseId), [caseId])
  const parties = useLiveQuery(() => repositories.parties.listForCase(caseId), [caseId])
  if (!messages || !parties) return null
  if (messages.length === 0) return <EmptyNote>No calls or messages logged yet.</EmptyNote>
  const nameOf = (partyId: string | null) =>
    parties.find((party) => party.id === partyId)?.name ?? 'Unknown party'
  return (
    <Stack spacing={1}>
      {messages.map((message) => (
        <Card key={message.id} variant="outlined">
          <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="caption" color="text.secondary">
              {CHANNEL_LABELS[message.channel]} {message.direction === 'outbound' ? 'to' : 'from'}{' '}
              {nameOf(message.partyId)} · {formatDateTime(message.occurredAt)}
              {message.durationSeconds !== null && ` · ${formatDuration(message.durationSeconds)}`}
              {message.outcome && ` · ${message.outcome.replace('_', ' ')}`} · logged by{' '}
              {message.recordedBy.name}
            </Typography>
            {message.subject && <Typography variant="h3">{message.subject}</Typography>}
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Stack>
  )
}
