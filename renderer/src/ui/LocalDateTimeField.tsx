import { TextField, type TextFieldProps } from '@mui/material'
import { fromLocalInputValue } from './format/time'

/**
 * A date and time in the analyst's own time zone (the browser's datetime-local input). `value` is
 * the input's text; a blank or impossible value shows `missingText` as the error.
 */
export function LocalDateTimeField({
  value,
  onChange,
  missingText,
  helperText,
  ...props
}: Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: string
  onChange(value: string): void
  missingText: string
}) {
  const valid = fromLocalInputValue(value) !== null
  return (
    <TextField
      {...props}
      type="datetime-local"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={!valid}
      helperText={valid ? helperText : missingText}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  )
}
