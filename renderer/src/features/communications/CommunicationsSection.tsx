import { repositories } from '@db/instance'
import { Button, Card, CardContent, Stack, Typography } from '@mui/material'
import type { Case } from '@shared/domain'
import { describeCommunication } from '@shared/rules/communications/describe'
import { showUntrusted } from '@shared/untrusted-text'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { useCommandRuntime } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { EmailComposerDialog } from './EmailComposerDialog'
import { LogCallDialog } from './LogCallDialog'

/** Every call and message of the case, newest first, with the two ways to add one. */
export function CommunicationsSection({ record }: { record: Case }) {
  const messages = useLiveQuery(() => repositories.communications.listForCase(record.id), [record.id])
  const parties = useLiveQuery(() => repositories.parties.listForCase(record.id), [record.id])
  const [open, setOpen] = useState<'call' | 'email' | null>(null)
  const ready = messages !== undefined && parties !== undefined
  useCommandRuntime('communications.log-call', () => setOpen('call'), ready)
  useCommandRuntime('communications.compose-email', () => setOpen('email'), ready)
  if (!messages || !parties) return null
  const nameOf = (partyId: string | null) => parties.find((party) => party.id === partyId)?.name ?? null
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button variant="outlined" size="small" onClick={() => setOpen('call')}>
          Log call
        </Button>
        <Button variant="outlined" size="small" onClick={() => setOpen('email')}>
          Compose email
        </Button>
      </Stack>
      {messages.length === 0 && <EmptyNote>No calls or messages logged yet.</EmptyNote>}
      {[...messages].reverse().map((message) => (
        <Card key={message.id} variant="outlined" data-testid="communication">
          <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(message.occurredAt)} · logged by {message.recordedBy.name}
            </Typography>
            <Typography variant="h3">
              {showUntrusted(describeCommunication(message, nameOf(message.partyId)).title)}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {message.body}
            </Typography>
          </CardContent>
        </Card>
      ))}
      {open === 'call' && (
        <LogCallDialog caseId={record.id} parties={parties} onClose={() => setOpen(null)} />
      )}
      {open === 'email' && (
        <EmailComposerDialog record={record} parties={parties} onClose={() => setOpen(null)} />
      )}
    </Stack>
  )
}
