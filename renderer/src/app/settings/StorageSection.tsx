import { estimateStorage, requestPersistentStorage, type StorageEstimate } from '@db/storage'
import { Button, LinearProgress, Stack, Typography } from '@mui/material'
import { formatBytes } from '@shared/byte-size'
import { useCallback, useEffect, useState } from 'react'

export function StorageSection({ refreshKey }: { refreshKey: number }) {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null)
  const [refused, setRefused] = useState(false)
  const refresh = useCallback(() => {
    estimateStorage().then(setEstimate, () => setEstimate({ usage: null, quota: null, persisted: false }))
  }, [])
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey re-reads usage after demo data changes
  useEffect(refresh, [refresh, refreshKey])

  if (!estimate) return null
  const { usage, quota, persisted } = estimate
  const share = usage !== null && quota ? (usage / quota) * 100 : null
  return (
    <Stack spacing={1}>
      <Typography variant="body2" data-testid="storage-usage">
        {usage !== null && quota !== null
          ? `${formatBytes(usage)} used of ${formatBytes(quota)} available to the workstation`
          : 'This browser does not report storage usage.'}
      </Typography>
      {share !== null && (
        <LinearProgress variant="determinate" value={Math.min(100, share)} aria-label="Storage used" />
      )}
      <Typography variant="body2" color={persisted ? 'success.main' : 'warning.main'}>
        {persisted
          ? 'Cases are kept on this computer: the browser will not clear them to free space.'
          : 'The browser may clear cases from this computer when disk space runs low.'}
      </Typography>
      {!persisted && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button
            variant="outlined"
            onClick={async () => {
              setRefused(!(await requestPersistentStorage()))
              refresh()
            }}
          >
            Keep data on this computer
          </Button>
          {refused && (
            <Typography variant="caption" color="text.secondary">
              The browser declined for now; it grants this to sites and apps used often.
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  )
}
