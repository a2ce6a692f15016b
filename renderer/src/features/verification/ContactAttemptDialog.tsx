import { repositories } from '@db/instance'
import { MenuItem, TextField } from '@mui/material'
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_CHANNELS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_OUTCOMES,
  type ContactAttempt,
  type Party,
} from '@shared/domain'
import { showUntrusted } from '@shared/untrusted-text'
import { FormDialog } from '@ui/FormDialog'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'
import { LocalDateTimeField } from '@ui/LocalDateTimeField'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'

/** Records one attempt to reach a party: how, when, and what came of it. */
export function ContactAttemptDialog({ party, onClose }: { party: Party; onClose(): void }) {
  const analyst = useAnalyst()
  const [channel, setChannel] = useState<ContactAttempt['channel']>('phone')
  const [at, setAt] = useState(() => toLocalInputValue(new Date().toISOString()))
  const [outcome, setOutcome] = useState<ContactAttempt['outcome']>('no_answer')
  const [note, setNote] = useState('')
  const when = fromLocalInputValue(at)
  const save = async () => {
    if (!analyst || !when) return
    const saved = await attempt(
      () =>
        repositories.contactAttempts.add(
          {
            id: crypto.randomUUID(),
            caseId: party.caseId,
            partyId: party.id,
            channel,
            at: when,
            outcome,
            note: note.trim(),
            recordedBy: analyst,
          },
          analyst,
        ),
      `Contact attempt with ${showUntrusted(party.name)} recorded.`,
    )
    if (saved) onClose()
  }
  return (
    <FormDialog
      title={`Contact attempt: ${showUntrusted(party.name)}`}
      submitLabel="Record attempt"
      canSubmit={Boolean(when)}
      onSubmit={save}
      onClose={onClose}
    >
      <TextField
        select
        label="Channel"
        value={channel}
        onChange={(event) => setChannel(event.target.value as ContactAttempt['channel'])}
      >
        {CONTACT_CHANNELS.map((value) => (
          <MenuItem key={value} value={value}>
            {CONTACT_CHANNEL_LABELS[value]}
          </MenuItem>
        ))}
      </TextField>
      <LocalDateTimeField
        label="When"
        value={at}
        onChange={setAt}
        missingText="The date and time of the attempt"
      />
      <TextField
        select
        label="Outcome"
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as ContactAttempt['outcome'])}
      >
        {CONTACT_OUTCOMES.map((value) => (
          <MenuItem key={value} value={value}>
            {CONTACT_OUTCOME_LABELS[value]}
          </MenuItem>
        ))}
      </TextField>
      <NoteField label="Note" value={note} onChange={setNote} />
    </FormDialog>
  )
}
