import { MenuItem, TextField } from '@mui/material'
import { PARTY_ROLE_LABELS, type Party } from '@shared/domain'
import { showUntrusted } from '@shared/untrusted-text'

export const NO_PARTY = ''

/** Chooses which of the case's parties a call or message was with. */
export function PartyPicker(props: {
  parties: Party[]
  value: string
  onChange(partyId: string): void
  label: string
  /** Offer "someone not on the case" (calls can come from anyone). */
  allowNone?: boolean
  helperText?: string
  error?: boolean
}) {
  return (
    <TextField
      select
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      helperText={props.helperText}
      error={props.error}
    >
      {props.allowNone && <MenuItem value={NO_PARTY}>Someone not on the case</MenuItem>}
      {props.parties.map((party) => (
        <MenuItem key={party.id} value={party.id}>
          {showUntrusted(party.name)} ({PARTY_ROLE_LABELS[party.role]})
        </MenuItem>
      ))}
    </TextField>
  )
}
