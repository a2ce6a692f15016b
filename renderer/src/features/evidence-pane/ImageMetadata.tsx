import { Button, Stack, Typography } from '@mui/material'
import { useEffect, useState } from 'react'
import { type Evidence, exhibitLabel } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { Facts } from '../case/Facts'
import { type PhotoMetadata, readPhotoMetadata } from '../evidence/photo-metadata'
import { useAnalyst } from '../identity/useAnalyst'
import { attempt } from '../shell/notices'

/**
 * A photo's EXIF facts, and "Add to timeline" for its capture time: when the photo was taken is
 * often the best evidence of when the damage was seen.
 */
export function ImageMetadata({ item, blob }: { item: Evidence; blob: Blob }) {
  const analyst = useAnalyst()
  const [metadata, setMetadata] = useState<PhotoMetadata | null | undefined>(undefined)
  useEffect(() => {
    let current = true
    void readPhotoMetadata(blob).then((found) => current && setMetadata(found))
    return () => {
      current = false
    }
  }, [blob])
  if (metadata === undefined) return null
  if (metadata === null)
    return (
      <Typography variant="caption" color="text.secondary">
        No EXIF metadata in this image.
      </Typography>
    )
  const position =
    metadata.latitude !== null && metadata.longitude !== null
      ? `${metadata.latitude.toFixed(5)}, ${metadata.longitude.toFixed(5)}`
      : ''
  const addToTimeline = async () => {
    if (!analyst || !metadata.capturedAt) return
    const label = exhibitLabel(item.exhibitNumber)
    await attempt(
      () =>
        repositories.timeline.add(
          {
            id: crypto.randomUUID(),
            caseId: item.caseId,
            kind: 'evidence',
            occurredAt: metadata.capturedAt!,
            title: `${label} photo taken${metadata.device ? ` (${metadata.device})` : ''}`,
            detail: position ? `GPS ${position}, from the photo's EXIF` : "From the photo's EXIF",
            ref: { entity: 'evidence', id: item.id },
            recordedBy: analyst,
            recordedAt: new Date().toISOString(),
          },
          analyst,
        ),
      `${label}'s capture time is on the timeline.`,
    )
  }
  return (
    <Stack spacing={1} component="section" aria-label="Photo metadata">
      <Facts
        facts={[
          ['Captured', metadata.capturedAt ? `${formatDateTime(metadata.capturedAt)} (camera clock)` : ''],
          ['Device', metadata.device],
          ['GPS', position],
        ]}
      />
      {metadata.capturedAt && (
        <Button size="small" variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={addToTimeline}>
          Add capture time to timeline
        </Button>
      )}
    </Stack>
  )
}
