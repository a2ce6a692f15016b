import { repositories } from '@db/instance'
import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material'
import { type Evidence, exhibitLabel } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import { showUntrusted } from '@shared/untrusted-text'
import { PanelDialog } from '@ui/PanelDialog'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { DamageMark } from '../list/DamageMark'
import { ImageCondition } from './ImageCondition'
import { ImageViewer } from './ImageViewer'
import { useEvidenceObjectUrl } from './useEvidenceObjectUrl'

/** One of the two compared images, with its own zoom, pan and turn. */
function ComparedImage({ item }: { item: Evidence }) {
  const url = useEvidenceObjectUrl(item.sha256)
  const [broken, setBroken] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: another item starts unbroken
  useEffect(() => setBroken(false), [item.sha256])
  return (
    <Box
      sx={{ flex: 1, minWidth: 0 }}
      component="section"
      aria-label={`${exhibitLabel(item.exhibitNumber)} compared`}
    >
      <Typography variant="subtitle2">
        {exhibitLabel(item.exhibitNumber)} · {showUntrusted(item.originalName)}
      </Typography>
      <ImageCondition item={item} undrawable={broken} />
      {!broken && url && (
        <ImageViewer url={url} alt={showUntrusted(item.originalName)} onBroken={() => setBroken(true)} />
      )}
    </Box>
  )
}

/** Two photos of the case side by side: before and after, customer's and shopper's, two angles. */
export function CompareImagesDialog({ item, onClose }: { item: Evidence; onClose(): void }) {
  const items = useLiveQuery(() => repositories.evidence.listForCase(item.caseId), [item.caseId])
  const others = (items ?? []).filter((other) => other.id !== item.id && isViewableImage(other.detectedType))
  const [otherId, setOtherId] = useState('')
  const other = others.find((candidate) => candidate.id === otherId) ?? others[0]
  return (
    <PanelDialog title="Compare images" width="xl" onClose={onClose}>
      {others.length === 0 ? (
        <Typography color="text.secondary">This case has no other image to compare with.</Typography>
      ) : (
        <Stack spacing={2}>
          <TextField
            select
            size="small"
            label="Compare with"
            value={other?.id ?? ''}
            onChange={(event) => setOtherId(event.target.value)}
            sx={{ maxWidth: 400 }}
          >
            {others.map((candidate) => (
              <MenuItem key={candidate.id} value={candidate.id}>
                {exhibitLabel(candidate.exhibitNumber)} · {showUntrusted(candidate.originalName)}
                <DamageMark damage={candidate.damage} />
              </MenuItem>
            ))}
          </TextField>
          <Stack direction="row" spacing={2}>
            <ComparedImage item={item} />
            {other && <ComparedImage key={other.id} item={other} />}
          </Stack>
        </Stack>
      )}
    </PanelDialog>
  )
}
