import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material'
import { type ReactNode, useRef, useState } from 'react'
import { type DialogWidth, dialogSizeProps } from './dialog-width'

/**
 * A submit that runs longer than this shows as busy. A quicker one is not marked: the button would
 * flash disabled and drop the focus.
 */
const BUSY_AFTER_MS = 200

/** The focus goes to the first field, unless a field took it already (`autoFocus`). */
function focusFirstField(form: HTMLElement | null) {
  if (!form || form.contains(document.activeElement)) return
  const fields = form.querySelectorAll<HTMLElement>('input, textarea, select, [role="combobox"]')
  // MUI's selects and multi-line fields hold hidden inputs of their own, out of the tab order.
  const first = [...fields].find(
    (field) => field.tabIndex >= 0 && !field.matches(':disabled, [type="hidden"], [aria-hidden="true"]'),
  )
  first?.focus()
}

/**
 * A dialog that is one form: its fields, Cancel, and the action that submits it. Enter in a
 * single-line field submits it too; the first field has the focus; the submit waits for an async
 * `onSubmit`, ignoring a second one meanwhile. Closing hands the focus back to what opened it.
 */
export function FormDialog({
  title,
  description,
  submitLabel,
  submitColor = 'primary',
  cancelLabel = 'Cancel',
  canSubmit = true,
  error,
  actions,
  width = 'sm',
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode
  /** What the dialog does or asks, above the fields. */
  description?: ReactNode
  submitLabel: ReactNode
  submitColor?: 'primary' | 'warning' | 'error'
  cancelLabel?: string
  /** False while the fields cannot be submitted: the button is disabled and Enter does nothing. */
  canSubmit?: boolean
  /** Why the last submit was refused, under the fields. */
  error?: ReactNode
  /** Other actions, between Cancel and the submit button. */
  actions?: ReactNode
  /** A breakpoint, 'content', or the fields' own width in pixels. */
  width?: DialogWidth | number
  /** May be async: the dialog is busy until it settles. */
  onSubmit(): unknown
  onClose(): void
  children: ReactNode
}) {
  const running = useRef(false)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!canSubmit || running.current) return
    running.current = true
    const markBusy = setTimeout(() => setBusy(true), BUSY_AFTER_MS)
    try {
      await onSubmit()
    } finally {
      clearTimeout(markBusy)
      running.current = false
      setBusy(false)
    }
  }
  const fixedWidth = typeof width === 'number' ? width : undefined
  const size = dialogSizeProps(typeof width === 'number' ? 'content' : width)
  return (
    <Dialog open onClose={onClose} {...size}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          component="form"
          // The dialog checks its fields itself (`canSubmit`, `error`), not the browser's bubbles.
          noValidate
          ref={focusFirstField}
          sx={{ pt: 1, width: fixedWidth }}
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          {description && <DialogContentText>{description}</DialogContentText>}
          {children}
          {error && <Alert severity="error">{error}</Alert>}
          {/* Enter submits a form from a single-line field only when it has a submit button. */}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{cancelLabel}</Button>
        {actions}
        <Button
          variant="contained"
          color={submitColor}
          disabled={!canSubmit}
          loading={busy}
          onClick={() => void submit()}
        >
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
