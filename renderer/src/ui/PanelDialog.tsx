import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material'
import type { ReactNode } from 'react'
import { type DialogWidth, dialogSizeProps } from './dialog-width'

/**
 * A dialog that is not one form: something to read or compare, a list to choose from, a composer
 * with several ways out. Its title, content, the close button and any actions after it. Without
 * `onClose` it has no close button and stays until its content moves on.
 */
export function PanelDialog({
  open = true,
  title,
  closeLabel = 'Close',
  actions,
  width = 'sm',
  disableRestoreFocus,
  onClose,
  children,
}: {
  /** For a dialog kept mounted between openings. */
  open?: boolean
  title: ReactNode
  closeLabel?: string
  actions?: ReactNode
  width?: DialogWidth
  /** Leaves the focus where closing puts it, for an opener that must not get it back. */
  disableRestoreFocus?: boolean
  onClose?(): void
  children: ReactNode
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      disableRestoreFocus={disableRestoreFocus}
      {...dialogSizeProps(width)}
    >
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      {(onClose || actions) && (
        <DialogActions>
          {onClose && <Button onClick={onClose}>{closeLabel}</Button>}
          {actions}
        </DialogActions>
      )}
    </Dialog>
  )
}
