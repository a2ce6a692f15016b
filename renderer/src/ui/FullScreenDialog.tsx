import CloseIcon from '@mui/icons-material/Close'
import { AppBar, Dialog, IconButton, Toolbar, Typography } from '@mui/material'
import { type ReactNode, useId } from 'react'

/** A view of its own over the whole window (the metrics dashboard): a title bar with its close button. */
export function FullScreenDialog({
  open,
  title,
  closeLabel,
  onClose,
  children,
}: {
  open: boolean
  title: string
  /** The close button's name, e.g. "Close the dashboard". */
  closeLabel: string
  onClose(): void
  children: ReactNode
}) {
  const titleId = useId()
  return (
    <Dialog open={open} onClose={onClose} fullScreen aria-labelledby={titleId}>
      <AppBar position="sticky" elevation={0}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography id={titleId} variant="h6" component="h2" sx={{ flex: 1 }}>
            {title}
          </Typography>
          <IconButton color="inherit" aria-label={closeLabel} onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Toolbar>
      </AppBar>
      {children}
    </Dialog>
  )
}
