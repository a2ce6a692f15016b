import { Alert, Box, LinearProgress, Typography } from '@mui/material'
import { useBundleExports } from './evidence-bundle-export-store'

/**
 * The case's evidence bundle export: each step with a progress bar while it runs, then where the
 * bundle was saved (or why it was not), until the analyst closes the message.
 */
export function BundleExportStatus({ caseId }: { caseId: string }) {
  const status = useBundleExports((state) => state.exports[caseId])
  if (!status) return null
  if (status.state === 'running')
    return (
      <Box role="status" aria-label="Evidence bundle export" sx={{ my: 1 }}>
        <Typography variant="caption" color="text.secondary" data-testid="bundle-export-step">
          {status.step}
        </Typography>
        <LinearProgress
          variant={status.progress === null ? 'indeterminate' : 'determinate'}
          value={(status.progress ?? 0) * 100}
          aria-label="Evidence bundle export progress"
        />
      </Box>
    )
  return (
    <Alert
      severity={status.severity}
      data-testid="bundle-export-outcome"
      onClose={() => useBundleExports.getState().clear(caseId)}
      sx={{ my: 1 }}
    >
      {status.message}
    </Alert>
  )
}
