import { Card, CardContent, Stack, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { EmptyNote } from './Facts'

export function NotesSection({ caseId }: { caseId: string }) {
  const notes = useLiveQuery(() => repositories.notes.listForCase(caseId), [caseId])
  if (!notes) return null
  if (notes.length === 0) return <EmptyNote>No notes on this case.</EmptyNote>
  return (
    <Stack spacing={1}>
      {notes.map((note) => (
        <Card key={note.id} variant="outlined">
          <CardContent sx={{ py: 1, '&:last-child': { pb: 1 } }}>
            <Typography variant="caption" color="text.secondary">
              {note.author.name} · {formatDateTime(note.createdAt)}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Stack>
  )
}
