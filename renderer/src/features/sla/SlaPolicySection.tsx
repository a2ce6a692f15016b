import { repositories } from '@db/instance'
import {
  Alert,
  Autocomplete,
  Button,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material'
import { type Actor, SEVERITIES, type Severity } from '@shared/domain'
import {
  DEFAULT_SLA_POLICY,
  type SlaDuration,
  type SlaPolicy,
  SlaPolicySchema,
  type SlaSchedule,
} from '@shared/rules/sla/policy'
import { describeIssues } from '@shared/validation'
import { notify } from '@ui/notices'
import { type FormEvent, useMemo, useRef, useState } from 'react'
import { useSlaPolicy } from './useSlaPolicy'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
const TARGETS = [
  ['firstResponse', 'First response'],
  ['resolution', 'Resolution'],
] as const

/** SLA targets per severity, the schedule they count in, and the at-risk threshold. */
export function SlaPolicySection({ analyst }: { analyst: Actor }) {
  const policy = useSlaPolicy()
  if (!policy) return null
  return <SlaPolicyForm current={policy} analyst={analyst} />
}

function SlaPolicyForm({ current, analyst }: { current: SlaPolicy; analyst: Actor }) {
  const [draft, setDraft] = useState<SlaPolicy>(current)
  // When the stored policy changes (saved here or elsewhere), the form starts again from it; not by
  // remounting, which would drop the keyboard focus out of the dialog.
  const [basis, setBasis] = useState(current)
  if (JSON.stringify(basis) !== JSON.stringify(current)) {
    setBasis(current)
    setDraft(current)
  }
  const [error, setError] = useState<string | null>(null)
  // Re-timing every open case and recounting the dashboard takes seconds on a large queue (about
  // 20 s on 100,000 cases): say so, and take no second save meanwhile.
  const [saving, setSaving] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])
  const changed = JSON.stringify(draft) !== JSON.stringify(current)

  const setTarget = (severity: Severity, target: (typeof TARGETS)[number][0], duration: SlaDuration) =>
    setDraft({
      ...draft,
      targets: { ...draft.targets, [severity]: { ...draft.targets[severity], [target]: duration } },
    })
  const setSchedule = (schedule: SlaSchedule) => setDraft({ ...draft, schedule })
  const business = draft.schedule.kind === 'business' ? draft.schedule : null

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = SlaPolicySchema.safeParse(draft)
    if (!parsed.success) {
      setError(`Not saved: ${describeIssues(parsed.error)}`)
      return
    }
    setSaving(true)
    try {
      const retimed = await repositories.cases.applySlaPolicy(parsed.data, analyst)
      setError(null)
      // The Save button disables itself once saved; keep the focus in the dialog so Esc still closes it.
      form.current?.focus()
      notify('success', `SLA policy saved; ${retimed.toLocaleString('en-US')} open cases re-timed.`)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Stack
      component="form"
      ref={form}
      tabIndex={-1}
      spacing={2}
      onSubmit={save}
      noValidate
      aria-label="SLA policy"
      sx={{ outline: 'none' }}
    >
      <Typography variant="body2" color="text.secondary">
        Targets per severity. The clock pauses while a case awaits a party; a target is at risk when the share
        of its time below is left. Saving re-times every open case.
      </Typography>
      {SEVERITIES.map((severity) => (
        <Stack key={severity} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography sx={{ width: 32, fontWeight: 600 }}>{severity}</Typography>
          {TARGETS.map(([target, label]) => (
            <DurationField
              key={target}
              label={`${severity} ${label.toLowerCase()}`}
              value={draft.targets[severity][target]}
              onChange={(duration) => setTarget(severity, target, duration)}
            />
          ))}
        </Stack>
      ))}
      <TextField
        label="At risk when this much time is left (%)"
        type="number"
        value={Math.round(draft.atRiskFraction * 100)}
        onChange={(event) => setDraft({ ...draft, atRiskFraction: Number(event.target.value) / 100 })}
        slotProps={{ htmlInput: { min: 1, max: 90 } }}
        sx={{ maxWidth: 320 }}
      />
      <ToggleButtonGroup
        exclusive
        value={draft.schedule.kind}
        aria-label="SLA schedule"
        onChange={(_, kind: SlaSchedule['kind'] | null) => {
          if (kind === 'calendar') setSchedule({ kind: 'calendar' })
          if (kind === 'business')
            setSchedule({
              kind: 'business',
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
              days: [1, 2, 3, 4, 5],
              opensAt: '09:00',
              closesAt: '17:00',
            })
        }}
      >
        <ToggleButton value="calendar">Calendar (24/7)</ToggleButton>
        <ToggleButton value="business">Business hours</ToggleButton>
      </ToggleButtonGroup>
      {business && (
        <Stack spacing={1.5}>
          <Autocomplete
            options={timeZones}
            value={business.timeZone}
            disableClearable
            onChange={(_, timeZone) => setSchedule({ ...business, timeZone })}
            renderInput={(params) => <TextField {...params} label="Time zone" />}
          />
          <ToggleButtonGroup
            value={business.days}
            aria-label="Working days"
            onChange={(_, days: number[]) => setSchedule({ ...business, days: [...days].sort() })}
          >
            {WEEKDAYS.map((day, index) => (
              <ToggleButton key={day} value={index + 1}>
                {day}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Stack direction="row" spacing={1}>
            <TextField
              label="Opens"
              type="time"
              value={business.opensAt}
              onChange={(event) => setSchedule({ ...business, opensAt: event.target.value })}
            />
            <TextField
              label="Closes"
              type="time"
              value={business.closesAt}
              onChange={(event) => setSchedule({ ...business, closesAt: event.target.value })}
            />
          </Stack>
        </Stack>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {saving && (
        <Stack spacing={0.5} role="status">
          <Typography variant="body2">Re-timing the open cases and recounting the dashboard…</Typography>
          <LinearProgress aria-label="Saving the SLA policy" />
        </Stack>
      )}
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={() => setDraft(DEFAULT_SLA_POLICY)} disabled={saving}>
          Use the default targets
        </Button>
        <Button type="submit" variant="contained" disabled={!changed || saving}>
          Save SLA policy
        </Button>
      </Stack>
    </Stack>
  )
}

function DurationField({
  label,
  value,
  onChange,
}: {
  label: string
  value: SlaDuration
  onChange(value: SlaDuration): void
}) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ flex: 1 }}>
      <TextField
        label={label}
        type="number"
        value={value.amount}
        onChange={(event) => onChange({ ...value, amount: Number(event.target.value) })}
        slotProps={{ htmlInput: { min: 1, step: 'any' } }}
        sx={{ flex: 1 }}
      />
      <TextField
        select
        label="Unit"
        value={value.unit}
        onChange={(event) => onChange({ ...value, unit: event.target.value as SlaDuration['unit'] })}
        sx={{ width: 110 }}
        slotProps={{ htmlInput: { 'aria-label': `${label} unit` } }}
      >
        <MenuItem value="minutes">min</MenuItem>
        <MenuItem value="hours">hours</MenuItem>
        <MenuItem value="days">days</MenuItem>
      </TextField>
    </Stack>
  )
}
