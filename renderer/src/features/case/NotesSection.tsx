import { repositories } from '@db/instance'
import { Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material'
import type { Actor, Note } from '@shared/domain'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { attempt } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { type Ref, useRef, useState } from 'react'

/** A note body editor: Ctrl+Enter saves, as in every chat and mail tool analysts use. */
function NoteEditor(props: {
  label: string
  inputRef?: Ref<HTMLTextAreaElement>
  initial: string
  saveLabel: string
  onSave(body: string): Promise<boolean>
  onCancel?(): void
}) {
  const [body, setBody] = useState(props.initial)
  const save = async () => {
    if (await props.onSave(body)) setBody('')
  }
  return (
    <Box
      component="form"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <TextField
        label={props.label}
        inputRef={props.inputRef}
        multiline
        minRows={2}
        fullWidth
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            void save()
          }
        }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
        {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
        <Button type="submit" variant="contained" disabled={body.trim() === ''}>
          {props.saveLabel}
        </Button>
      </Stack>
    </Box>
  )
}

function NoteCard({ note, analyst }: { note: Note; analyst: Actor }) {
  const [editing, setEditing] = useState(false)
  return (
    <Card variant="outlined" data-testid="case-note">
      <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
        <Typography variant="caption" color="text.secondary">
          {note.author.name} · {formatDateTime(note.createdAt)}
          {note.updatedAt !== note.createdAt && ` · edited ${formatDateTime(note.updatedAt)}`}
        </Typography>
        {editing ? (
          <NoteEditor
            label="Edit note"
            initial={note.body}
            saveLabel="Save note"
            onCancel={() => setEditing(false)}
            onSave={async (body) => {
              const saved = await attempt(() =>
                repositories.notes.update(note.id, { body, updatedAt: new Date().toISOString() }, analyst),
              )
              if (saved) setEditing(false)
              return false
            }}
          />
        ) : (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', flex: 1 }}>
              {note.body}
            </Typography>
            {/* Analysts edit their own notes; a colleague's note stays as they wrote it. */}
            {note.author.id === analyst.id && (
              <Button size="small" onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  )
}

export function NotesSection({ caseId }: { caseId: string }) {
  const notes = useLiveQuery(() => repositories.notes.listForCase(caseId), [caseId])
  const analyst = useAnalyst()
  const newNoteField = useRef<HTMLTextAreaElement>(null)
  useCommandRuntime(
    'case.add-note',
    () => newNoteField.current?.focus(),
    notes !== undefined && Boolean(analyst),
  )
  if (!notes || !analyst) return null
  return (
    <Stack spacing={1}>
      <NoteEditor
        inputRef={newNoteField}
        label="New note"
        initial=""
        saveLabel="Add note"
        onSave={async (body) => {
          const at = new Date().toISOString()
          const added = await attempt(() =>
            repositories.notes.add(
              { id: crypto.randomUUID(), caseId, body, author: analyst, createdAt: at, updatedAt: at },
              analyst,
            ),
          )
          return added !== undefined
        }}
      />
      {notes.length === 0 && <EmptyNote>No notes on this case.</EmptyNote>}
      {[...notes].reverse().map((note) => (
        <NoteCard key={note.id} note={note} analyst={analyst} />
      ))}
    </Stack>
  )
}
