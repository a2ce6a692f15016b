import NoteAddIcon from '@mui/icons-material/NoteAdd'
import { Box, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material'
import type { Evidence, TimestampedNote } from '@shared/domain'
import { type ChatLine, searchTranscript, searchWords } from '@shared/formats/evidence/chat-transcript'
import { ChatBubble } from '@ui/ChatBubble'
import { formatDateTime } from '@ui/format/time'
import { useAnalyst } from '@workspace/useAnalyst'
import { Fragment, useMemo, useState } from 'react'
import { AnnotationList } from '../annotate/AnnotationList'
import { AnnotationTextDialog } from '../annotate/AnnotationTextDialog'
import { addAnnotation } from '../annotate/add-annotation'

/**
 * A message's time: an instant with its zone (an ISO time with Z or an offset, as JSON exports give)
 * is shown like every other time in the app; anything else as the export wrote it, since a time with
 * no zone cannot be placed.
 */
function chatTime(at: string | null): string | null {
  return at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(at)
    ? formatDateTime(at)
    : at
}

/** More messages than this are not drawn at once: the analyst searches to narrow. */
const MAX_SHOWN = 500

/** The message text with the searched words marked; text nodes only, never HTML. */
function Highlighted({ text, words }: { text: string; words: string[] }) {
  if (words.length === 0) return <>{text}</>
  const pattern = new RegExp(
    `(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'gi',
  )
  return (
    <>
      {text.split(pattern).map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: split parts have no id and never reorder
          <mark key={index}>{part}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  )
}

/**
 * A chat or text transcript as a conversation: each message with its sender and time, searchable,
 * and each open to a timestamped note. Message text is always rendered as text, never as HTML.
 */
export function TranscriptViewer({
  item,
  lines,
  notes,
}: {
  item: Evidence
  lines: ChatLine[]
  notes: TimestampedNote[]
}) {
  const analyst = useAnalyst()
  const [query, setQuery] = useState('')
  const [noting, setNoting] = useState<number | null>(null)
  const words = searchWords(query)
  const matches = useMemo(() => (query.trim() ? searchTranscript(lines, query) : null), [lines, query])
  const shown = (matches ?? lines.map((_line, index) => index)).slice(0, MAX_SHOWN)
  const notesByMessage = new Map<number, TimestampedNote[]>()
  for (const note of notes)
    if (note.anchor.kind === 'message')
      notesByMessage.set(note.anchor.index, [...(notesByMessage.get(note.anchor.index) ?? []), note])

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label="Search transcript"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ width: 220 }}
        />
        <Typography variant="caption" color="text.secondary" data-testid="transcript-count">
          {matches
            ? `${matches.length} of ${lines.length} message${lines.length === 1 ? '' : 's'} match`
            : `${lines.length} message${lines.length === 1 ? '' : 's'}`}
          {shown.length < (matches ?? lines).length
            ? ` · the first ${MAX_SHOWN} are shown; search to narrow`
            : ''}
        </Typography>
      </Stack>
      <Stack spacing={1} aria-label="Conversation">
        {shown.map((index) => {
          const line = lines[index]!
          const shopper = /shopper/i.test(line.sender)
          return (
            <ChatBubble
              key={index}
              sender={line.sender}
              at={chatTime(line.at)}
              fromShopper={shopper}
              action={
                analyst &&
                !item.removed && (
                  <Tooltip title="Add a note on this message">
                    <IconButton
                      size="small"
                      aria-label={`Add a note on message ${index + 1}`}
                      onClick={() => setNoting(index)}
                    >
                      <NoteAddIcon fontSize="inherit" />
                    </IconButton>
                  </Tooltip>
                )
              }
            >
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <Highlighted text={line.message} words={words} />
              </Typography>
              {notesByMessage.get(index)?.map((note) => (
                <Box key={note.id} sx={{ mt: 0.5, pl: 1, borderLeft: 3, borderColor: 'warning.main' }}>
                  <Typography variant="caption" component="p">
                    Note · {note.createdBy.name}: {note.text}
                  </Typography>
                </Box>
              ))}
            </ChatBubble>
          )
        })}
      </Stack>
      <AnnotationList annotations={notes} title="Notes on this transcript" />
      {noting !== null && analyst && (
        <AnnotationTextDialog
          title={`Note on message ${noting + 1}`}
          label="Note"
          onSave={(text) =>
            addAnnotation(
              {
                kind: 'note',
                evidenceId: item.id,
                anchor: {
                  kind: 'message',
                  index: noting,
                  messageAt: lines[noting]?.at?.slice(0, 60) ?? null,
                },
                text,
              },
              analyst,
            )
          }
          onClose={() => setNoting(null)}
        />
      )}
    </Stack>
  )
}
