import { repositories } from '@db/instance'
import { Button, Stack, TextField } from '@mui/material'
import type { Actor } from '@shared/domain'
import { type FormEvent, useState } from 'react'

/** Name and analyst id, validated and saved; used on first run and in Settings. */
export function AnalystForm({
  current,
  submitLabel,
  onSaved,
}: {
  current: Actor | null
  submitLabel: string
  onSaved?(): void
}) {
  const [name, setName] = useState(current?.name ?? '')
  const [id, setId] = useState(current?.id ?? '')
  const [error, setError] = useState<string | null>(null)
  const nameMissing = name.trim() === ''
  const idInvalid = !/^[A-Za-z0-9._-]{2,64}$/.test(id.trim())

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (nameMissing || idInvalid) return
    try {
      await repositories.settings.saveAnalyst({ name: name.trim(), id: id.trim() })
      setError(null)
      onSaved?.()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate>
      <TextField
        label="Your name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        required
        autoFocus
        error={nameMissing && name !== ''}
        helperText="Shown on every change you make and in exported bundles."
      />
      <TextField
        label="Analyst ID"
        value={id}
        onChange={(event) => setId(event.target.value)}
        required
        error={id !== '' && idInvalid}
        helperText={
          id !== '' && idInvalid
            ? 'Use 2–64 letters, digits, dots, dashes or underscores.'
            : 'Your Trust & Safety analyst id, e.g. analyst-017.'
        }
      />
      {error && <div role="alert">{error}</div>}
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button type="submit" variant="contained" disabled={nameMissing || idInvalid}>
          {submitLabel}
        </Button>
      </Stack>
    </Stack>
  )
}
