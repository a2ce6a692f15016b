import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material'
import type { ReactNode } from 'react'
import { DialogForm } from './DialogForm'

/**
 * A dialog that is one form: its fields, Cancel, and the action that submits it (Enter in a
 * single-line field submits it too).
 */
export function FormDialog({
  title,
  submitLabel,
  canSubmit = true,
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode
  submitLabel: string
  canSubmit?: boolean
  onSubmit(): void
  onClose(): void
  children: ReactNode
}) {
  const submit = () => {
    if (canSubmit) onSubmit()
  }
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogForm onSubmit={submit}>{children}</DialogForm>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!canSubmit} onClick={submit}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
