import NoteAddIcon from '@mui/icons-material/NoteAdd'
import { Box, Button, Stack } from '@mui/material'
import { type Evidence, formatMediaPosition, type TimestampedNote } from '@shared/domain'
import { useAnalyst } from '@workspace/useAnalyst'
import { useRef, useState } from 'react'
import { AnnotationList } from '../annotate/AnnotationList'
import { AnnotationTextDialog } from '../annotate/AnnotationTextDialog'
import { addAnnotation } from '../annotate/add-annotation'

/**
 * A call recording or a clip in Chromium's own player, with notes pinned to moments of it: "Add a
 * note at 1:12" takes the player's position; choosing a note plays from there.
 */
export function MediaPlayer({
  item,
  url,
  element,
  notes,
}: {
  item: Evidence
  url: string
  element: 'audio' | 'video'
  notes: TimestampedNote[]
}) {
  const analyst = useAnalyst()
  const player = useRef<HTMLMediaElement>(null)
  const [notingAt, setNotingAt] = useState<number | null>(null)
  return (
    <Stack spacing={1}>
      <Box
        component={element}
        ref={player}
        src={url}
        controls
        preload="metadata"
        aria-label={`${element === 'audio' ? 'Recording' : 'Video'} player`}
        sx={{ width: '100%' }}
      />
      {analyst && !item.removed && (
        <Box>
          <Button
            size="small"
            startIcon={<NoteAddIcon />}
            onClick={() => {
              player.current?.pause()
              setNotingAt(player.current?.currentTime ?? 0)
            }}
          >
            Add a note at this moment
          </Button>
        </Box>
      )}
      <AnnotationList
        annotations={notes}
        title="Notes on this recording"
        onOpen={(note) => {
          if (note.kind !== 'note' || note.anchor.kind !== 'media' || !player.current) return
          player.current.currentTime = note.anchor.seconds
          void player.current.play().catch(() => undefined)
        }}
      />
      {notingAt !== null && analyst && (
        <AnnotationTextDialog
          title={`Note at ${formatMediaPosition(notingAt)}`}
          label="Note"
          onSave={(text) =>
            addAnnotation(
              { kind: 'note', evidenceId: item.id, anchor: { kind: 'media', seconds: notingAt }, text },
              analyst,
            )
          }
          onClose={() => setNotingAt(null)}
        />
      )}
    </Stack>
  )
}
