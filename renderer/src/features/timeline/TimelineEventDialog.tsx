import { repositories } from '@db/instance'
import { TextField } from '@mui/material'
import type { TimelineEvent } from '@shared/domain'
import { FormDialog } from '@ui/FormDialog'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'
import { LocalDateTimeField } from '@ui/LocalDateTimeField'
import { NoteField } from '@ui/NoteField'
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
    <FormDialog
      title="Add timeline event"
      submitLabel="Add event"
      canSubmit={Boolean(when) && title.trim() !== ''}
      width={420}
      onSubmit={save}
      onClose={onClose}
    >
      <LocalDateTimeField
        label="When it happened"
        value={occurredAt}
        onChange={setOccurredAt}
        helperText="Your local time"
        missingText="Enter the date and time"
      />
      <TextField label="What happened" value={title} onChange={(event) => setTitle(event.target.value)} />
      <NoteField label="Details" minRows={3} value={detail} onChange={setDetail} />
    </FormDialog>
  )
}
