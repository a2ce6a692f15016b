import { Typography } from '@mui/material'
import { PanelDialog } from '@ui/PanelDialog'
import { AnalystForm } from './AnalystForm'

/** First run: nothing is recorded on a case until the app knows who is working. */
export function IdentityDialog() {
  return (
    <PanelDialog title="Who is working?" width="xs">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Every change on a case is recorded under your name in its audit log. You can change this later in
        Settings.
      </Typography>
      <AnalystForm current={null} submitLabel="Start working" />
    </PanelDialog>
  )
}
