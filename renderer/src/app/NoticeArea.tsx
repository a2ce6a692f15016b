import { Alert, Snackbar } from '@mui/material'
import { useNotices } from '@ui/notices'

/** Shows the oldest pending error first, else the latest news; errors stay until dismissed, news fades. */
export function NoticeArea() {
  const notice = useNotices((state) => state.notices[0])
  const dismiss = useNotices((state) => state.dismiss)
  if (!notice) return null
  return (
    <Snackbar
      key={notice.id}
      open
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      autoHideDuration={notice.severity === 'error' ? null : 8000}
      onClose={(_, reason) => reason !== 'clickaway' && dismiss(notice.id)}
    >
      <Alert
        severity={notice.severity}
        variant="filled"
        onClose={() => dismiss(notice.id)}
        sx={{ maxWidth: 720 }}
      >
        {notice.message}
      </Alert>
    </Snackbar>
  )
}
