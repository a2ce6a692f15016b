import { repositories } from '@db/instance'
import { InputAdornment, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material'
import { CALL_OUTCOMES, type Communication, type Party } from '@shared/domain'
import { CALL_OUTCOME_LABELS } from '@shared/rules/communications/describe'
import { FormDialog } from '@ui/FormDialog'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'
import { LocalDateTimeField } from '@ui/LocalDateTimeField'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'
import { NO_PARTY, PartyPicker } from './PartyPicker'

type Outcome = NonNullable<Communication['outcome']>

/** Logs a phone call: with whom, which way, when, how long, how it went and what was said. */
export function LogCallDialog({
  caseId,
  parties,
  onClose,
}: {
  caseId: string
  parties: Party[]
  onClose(): void
}) {
  const analyst = useAnalyst()
  const [partyId, setPartyId] = useState(parties[0]?.id ?? NO_PARTY)
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound')
  const [startedAt, setStartedAt] = useState(() => toLocalInputValue(new Date().toISOString()))
  const [minutes, setMinutes] = useState('')
  const [outcome, setOutcome] = useState<Outcome>('reached')
  const [summary, setSummary] = useState('')
  const when = fromLocalInputValue(startedAt)
  const duration = minutes.trim() === '' ? null : Number(minutes)
  const durationProblem = duration !== null && (!Number.isFinite(duration) || duration < 0 || duration > 1440)

  const save = async () => {
    if (!analyst || !when || durationProblem) return
    const party = parties.find((candidate) => candidate.id === partyId) ?? null
    const logged = await attempt(
      () =>
        repositories.communications.log(
          {
            caseId,
            partyId: party?.id ?? null,
            channel: 'phone',
            direction,
            occurredAt: when,
            durationSeconds: duration === null ? null : Math.round(duration * 60),
            outcome,
            subject: '',
            body: summary.trim(),
            templateId: null,
          },
          party?.name ?? null,
          analyst,
        ),
      'Call logged.',
    )
    if (logged) onClose()
  }

  return (
    <FormDialog
      title="Log a call"
      submitLabel="Log call"
      canSubmit={Boolean(when) && !durationProblem}
      width={460}
      onSubmit={save}
      onClose={onClose}
    >
      <PartyPicker label="With" parties={parties} value={partyId} onChange={setPartyId} allowNone />
      <ToggleButtonGroup
        exclusive
        size="small"
        value={direction}
        onChange={(_, next) => next && setDirection(next)}
        aria-label="Direction"
      >
        <ToggleButton value="outbound">I called them</ToggleButton>
        <ToggleButton value="inbound">They called me</ToggleButton>
      </ToggleButtonGroup>
      <Stack direction="row" spacing={2}>
        <LocalDateTimeField
          label="Started"
          value={startedAt}
          onChange={setStartedAt}
          missingText="Enter when the call started"
          sx={{ flex: 1 }}
        />
        <TextField
          label="Duration"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          error={durationProblem}
          helperText={durationProblem ? 'Minutes, 0 to 1440' : undefined}
          slotProps={{
            htmlInput: { inputMode: 'decimal' },
            input: { endAdornment: <InputAdornment position="end">min</InputAdornment> },
          }}
          sx={{ width: 130 }}
        />
      </Stack>
      <TextField
        select
        label="Outcome"
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as Outcome)}
      >
        {CALL_OUTCOMES.map((value) => (
          <MenuItem key={value} value={value}>
            {CALL_OUTCOME_LABELS[value]}
          </MenuItem>
        ))}
      </TextField>
      <NoteField
        label="Summary"
        minRows={4}
        value={summary}
        onChange={setSummary}
        helperText="What was said, agreed or asked for"
      />
    </FormDialog>
  )
}
