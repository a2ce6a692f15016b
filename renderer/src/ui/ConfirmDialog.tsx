import { Button, DialogContentText } from '@mui/material'
import type { ReactNode } from 'react'
import type { DialogWidth } from './dialog-width'
import { PanelDialog } from './PanelDialog'

/** Asks before a step that removes or locks something: what it does, the way back, and the step. */
export function ConfirmDialog({
  title,
  cancelLabel,
  confirmLabel,
  confirmColor = 'error',
  width = 'content',
  onCancel,
  onConfirm,
  children,
}: {
  title: ReactNode
  cancelLabel: string
  confirmLabel: string
  confirmColor?: 'error' | 'warning'
  width?: DialogWidth
  onCancel(): void
  onConfirm(): void
  /** What the step does, in a sentence or two. */
  children: ReactNode
}) {
  return (
    <PanelDialog
      title={title}
      closeLabel={cancelLabel}
      width={width}
      onClose={onCancel}
      actions={
        <Button variant="contained" color={confirmColor} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      }
    >
      <DialogContentText>{children}</DialogContentText>
    </PanelDialog>
  )
}
