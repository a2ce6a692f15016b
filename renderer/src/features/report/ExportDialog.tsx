import { Checkbox, FormControlLabel, MenuItem, TextField } from '@mui/material'
import type { ExportOptions } from '@services/report-export/export-report'
import { AUDIENCE_LABELS, AUDIENCES, type Audience } from '@shared/domain'
import { FormDialog } from '@ui/FormDialog'
import { useState } from 'react'

/** Passwords shorter than this are refused: the file travels outside the team. */
const MIN_PASSWORD = 8

/** Who the PDF is for (their redaction profile is applied) and whether a password protects it. */
export function ExportDialog({
  onExport,
  onClose,
}: {
  onExport(options: ExportOptions): void
  onClose(): void
}) {
  const [audience, setAudience] = useState<Audience>('internal')
  const [protect, setProtect] = useState(false)
  const [user, setUser] = useState('')
  const [owner, setOwner] = useState('')
  const userProblem = protect && user.length < MIN_PASSWORD ? `At least ${MIN_PASSWORD} characters` : null
  const ownerProblem =
    protect && owner !== '' && owner.length < MIN_PASSWORD
      ? `At least ${MIN_PASSWORD} characters, or leave empty`
      : null
  const ready = !userProblem && !ownerProblem
  return (
    <FormDialog
      title="Export the report as PDF"
      description="The audience's redaction profile (Settings → Redaction profiles) hides the other parties' personal data; the last page lists what was hidden and the SHA-256 of the printed pages."
      submitLabel="Export"
      canSubmit={ready}
      onSubmit={() => onExport({ audience, passwords: protect ? { user, owner } : null })}
      onClose={onClose}
    >
      <TextField
        select
        label="Audience"
        value={audience}
        onChange={(event) => setAudience(event.target.value as Audience)}
      >
        {AUDIENCES.map((value) => (
          <MenuItem key={value} value={value}>
            {AUDIENCE_LABELS[value]}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Checkbox checked={protect} onChange={(event) => setProtect(event.target.checked)} />}
        label="Protect with a password"
      />
      {protect && (
        <>
          <TextField
            label="Password to open"
            type="password"
            value={user}
            onChange={(event) => setUser(event.target.value)}
            error={userProblem !== null && user !== ''}
            helperText={userProblem ?? 'Give it to the recipient by another channel than the file.'}
            autoComplete="new-password"
          />
          <TextField
            label="Owner password (full rights)"
            type="password"
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
            error={ownerProblem !== null}
            helperText={
              ownerProblem ??
              'Printing is allowed; copying and changing need this password. Empty: the same as above.'
            }
            autoComplete="new-password"
          />
        </>
      )}
    </FormDialog>
  )
}
