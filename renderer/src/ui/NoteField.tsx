import { TextField, type TextFieldProps } from '@mui/material'

/** A few lines the analyst writes: a note, summary, reason, description or justification. */
export function NoteField({
  value,
  onChange,
  minRows = 2,
  ...props
}: Omit<TextFieldProps, 'value' | 'onChange' | 'multiline'> & {
  value: string
  onChange(value: string): void
}) {
  return (
    <TextField
      {...props}
      multiline
      minRows={minRows}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
