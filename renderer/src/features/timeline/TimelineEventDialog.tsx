import { repositories } from '@db/instance'
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material'
import type { TimelineEvent } from '@shared/domain'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'
import { LocalDateTimeField } from '@ui/LocalDateTimeField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'

/**
 * Puts an event on the case timeline: something that happened outside the app (a call from the
 * police, a store visit ...), or a moment an evidence item shows (`from` the item, prefilled).
 */
export function TimelineEventDialog({
  caseId,
  from,
  onClose,
}: {
  caseId: string
  from?: { occurredAt: string; title: string; detail: string; ref: TimelineEvent['ref'] }
  onClose(): void
}) {
  const analyst = useAnalyst()
  const [occurredAt, setOccurredAt] = useState(() =>
    toLocalInputValue(from?.occurredAt ?? new Date().toISOString()),
  )
  const [title, setTitle] = useState(from?.title ?? '')
  const [detail, setDetail] = useState(from?.detail ?? '')
  const when = fromLocalInputValue(occurredAt)
  const save = async () => {
    if (!analyst || !when) return
    const at = new Date().toISOString()
    const added = await attempt(() =>
      repositories.timeline.add(
        {
          id: crypto.randomUUID(),
          caseId,
          kind: from ? 'evidence' : 'manual',
          occurredAt: when,
          title,
          detail,
          ref: from?.ref ?? null,
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
    <Dialog open onClose={onClose}>
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
