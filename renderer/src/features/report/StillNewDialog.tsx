import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material'

/**
 * Asked before a report of a case still in New is marked final: nobody has triaged or investigated
 * the case yet, and a final report is locked. The analyst may go ahead; the nudge is the point.
 */
export function StillNewDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(): void }) {
  return (
    <Dialog open onClose={onCancel} maxWidth="xs" fullWidth>
      <DialogTitle>This case is still New</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Nobody has triaged or investigated it yet. A final report is locked, and usually follows the
          investigation and the determinations. Mark it final anyway?
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Keep it in review</Button>
        <Button variant="contained" color="warning" onClick={onConfirm}>
          Mark final anyway
        </Button>
      </DialogActions>
    </Dialog>
  )
}
