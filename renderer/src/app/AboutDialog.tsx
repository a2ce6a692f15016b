import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material'
import { platform } from '@platform'
import type { AppInfo } from '@shared/protocol/platform/contract'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useEffect, useState } from 'react'

export function AboutDialog() {
  const open = useWorkspaceUi((state) => state.aboutOpen)
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    if (open) platform.getAppInfo().then(setInfo, () => setInfo(null))
  }, [open])
  const close = () => useWorkspaceUi.getState().setAboutOpen(false)
  return (
    <Dialog open={open} onClose={close} aria-labelledby="about-title">
      <DialogTitle id="about-title">Critical Response Workstation</DialogTitle>
      <DialogContent>
        <Typography variant="body2">Version {info?.version ?? '…'}</Typography>
        <Typography variant="body2" color="text.secondary">
          {info ? `${info.host === 'electron' ? 'Desktop app' : 'Web host'} on ${info.platform}` : ''}
        </Typography>
        <Typography variant="body2" sx={{ mt: 2 }}>
          Cases are stored on this computer only. Confidential — Trust &amp; Safety.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Close</Button>
      </DialogActions>
    </Dialog>
  )
}
