import { Typography } from '@mui/material'
import { platform } from '@platform'
import type { AppInfo } from '@shared/protocol/platform/contract'
import { PanelDialog } from '@ui/PanelDialog'
import { useEffect, useState } from 'react'
import { useAppDialogs } from './app-dialogs'

export function AboutDialog() {
  const open = useAppDialogs((state) => state.aboutOpen)
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    if (open) platform.getAppInfo().then(setInfo, () => setInfo(null))
  }, [open])
  const close = () => useAppDialogs.getState().setAboutOpen(false)
  return (
    <PanelDialog open={open} title="Critical Response Workstation" width="content" onClose={close}>
      <Typography variant="body2">Version {info?.version ?? '…'}</Typography>
      <Typography variant="body2" color="text.secondary">
        {info ? `${info.host === 'electron' ? 'Desktop app' : 'Web host'} on ${info.platform}` : ''}
      </Typography>
      <Typography variant="body2" sx={{ mt: 2 }}>
        Cases are stored on this computer only. Confidential — Trust &amp; Safety.
      </Typography>
    </PanelDialog>
  )
}
