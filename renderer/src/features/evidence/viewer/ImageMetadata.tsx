import { repositories } from '@db/instance'
import { TimelineEventDialog } from '@features/timeline'
import { type PhotoMetadata, readPhotoMetadata } from '@media/photo-metadata'
import { Button, Stack, Typography } from '@mui/material'
import { type Evidence, exhibitLabel } from '@shared/domain'
import { type CaptureTime, formatRecordedCaptureTime } from '@shared/formats/evidence/capture-time'
import { Facts } from '@ui/Facts'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useEffect, useState } from 'react'

/**
 * A photo's EXIF facts, and "Add to timeline" for its capture time: when the photo was taken is
 * often the best evidence of when the damage was seen.
 */
export function ImageMetadata({ item, blob }: { item: Evidence; blob: Blob }) {
  const analyst = useAnalyst()
  const [metadata, setMetadata] = useState<PhotoMetadata | null | undefined>(undefined)
  const [placingByHand, setPlacingByHand] = useState(false)
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
  const label = exhibitLabel(item.exhibitNumber)
  const captured = metadata.captured
  const title = `${label} photo taken${metadata.device ? ` (${metadata.device})` : ''}`
  const where = position ? `GPS ${position}, from the photo's EXIF` : "From the photo's EXIF"
  const addToTimeline = async (instant: string) => {
    if (!analyst || !captured) return
    await attempt(
      () =>
        repositories.timeline.add(
          {
            id: crypto.randomUUID(),
            caseId: item.caseId,
            kind: 'evidence',
            occurredAt: instant,
            title,
            detail: `The camera recorded ${formatRecordedCaptureTime(captured)}. ${where}`,
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
          ['Captured', captured ? describeCapture(captured) : ''],
          ['Device', metadata.device],
          ['GPS', position],
        ]}
      />
      {captured?.instant && (
        <Button
          size="small"
          variant="outlined"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => addToTimeline(captured.instant!)}
        >
          Add capture time to timeline
        </Button>
      )}
      {captured && !captured.instant && (
        // No zone, no moment: the analyst places it, knowing where the camera was.
        <Button
          size="small"
          variant="outlined"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => setPlacingByHand(true)}
        >
          Add capture time to timeline…
        </Button>
      )}
      {placingByHand && captured && (
        <TimelineEventDialog
          caseId={item.caseId}
          from={{
            occurredAt: asIfHere(captured.recorded),
            title,
            detail: `The camera recorded ${formatRecordedCaptureTime(captured)}: check the time against the zone the photo was taken in. ${where}`,
            ref: { entity: 'evidence', id: item.id },
          }}
          onClose={() => setPlacingByHand(false)}
        />
      )}
    </Stack>
  )
}

/** The analyst's own zone, named ("EST"), with seconds: the same moment as the camera's reading. */
const inAnalystZone = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long' })

/**
 * What the camera recorded, then (when its offset makes it a moment) the same moment in the
 * analyst's zone: "2026-11-03 18:42:17 UTC−05:00 (camera) · Nov 3, 2026, 3:42:17 PM PST here".
 */
export function describeCapture(captured: CaptureTime): string {
  const camera = `${formatRecordedCaptureTime(captured)} (camera)`
  return captured.instant ? `${camera} · ${inAnalystZone.format(new Date(captured.instant))} here` : camera
}

/** The camera's wall clock read as if in this computer's zone: only a starting value for the analyst to check. */
function asIfHere(recorded: string): string {
  const [date, time] = recorded.split('T') as [string, string]
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute, second] = time.split(':').map(Number) as [number, number, number]
  return new Date(year, month - 1, day, hour, minute, second).toISOString()
}
