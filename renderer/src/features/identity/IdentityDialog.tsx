import { Dialog, DialogContent, DialogTitle, Typography } from '@mui/material'
import { AnalystForm } from './AnalystForm'

/** First run: nothing is recorded on a case until the app knows who is working. */
export function IdentityDialog() {
  return (
    <Dialog open aria-labelledby="identity-title" maxWidth="xs" fullWidth>
      <DialogTitle id="identity-title">Who is working?</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Every change on a case is recorded under your name in its audit log. You can change this later in
          Settings.
        </Typography>
        <AnalystForm current={null} submitLabel="Start working" />
      </DialogContent>
    </Dialog>
  )
}
