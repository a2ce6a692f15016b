import { Stack } from '@mui/material'
import type { ReactNode } from 'react'

/** A dialog's fields as one form: Enter in a single-line field submits it, as in any form. */
export function DialogForm({ onSubmit, children }: { onSubmit(): void; children: ReactNode }) {
  return (
    <Stack
      spacing={2}
      component="form"
      sx={{ pt: 1 }}
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit()
      }}
    >
      {children}
      <button type="submit" hidden />
    </Stack>
  )
}
