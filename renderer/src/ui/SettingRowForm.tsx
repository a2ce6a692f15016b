import { Button, Stack } from '@mui/material'
import type { ReactNode } from 'react'

/**
 * A setting's fields in a row with its Save button: Enter or the button saves when the values are
 * valid. The button stays enabled after saving: a button disabled under the focus would drop it.
 */
export function SettingRowForm({
  valid,
  saveLabel,
  onSave,
  children,
}: {
  valid: boolean
  saveLabel: string
  onSave(): void
  children: ReactNode
}) {
  return (
    <Stack
      direction="row"
      spacing={1}
      component="form"
      sx={{ alignItems: 'flex-start' }}
      onSubmit={(event) => {
        event.preventDefault()
        if (valid) onSave()
      }}
    >
      {children}
      <Button type="submit" variant="outlined" disabled={!valid}>
        {saveLabel}
      </Button>
    </Stack>
  )
}
