import { repositories } from '@db/instance'
import DeleteIcon from '@mui/icons-material/Delete'
import EditIcon from '@mui/icons-material/Edit'
import {
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material'
import { describeAnnotation, type EvidenceAnnotation } from '@shared/domain'
import { formatDateTime } from '@ui/format/time'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'
import { AnnotationTextDialog } from './AnnotationTextDialog'

/**
 * An item's marks and notes as a list: what, where, who and when; the text of callouts and notes can
 * be changed, and any mark removed (each change is a line of the custody record). Choosing one
 * calls `onOpen` (a note on a recording seeks the player to it).
 */
export function AnnotationList({
  annotations,
  title = 'Annotations',
  onOpen,
}: {
  annotations: EvidenceAnnotation[]
  title?: string
  onOpen?(annotation: EvidenceAnnotation): void
}) {
  const analyst = useAnalyst()
  const [editing, setEditing] = useState<EvidenceAnnotation | null>(null)
  if (annotations.length === 0) return null
  return (
    <Stack>
      <Typography variant="subtitle2" component="h4">
        {title} ({annotations.length})
      </Typography>
      <List dense disablePadding aria-label={title}>
        {annotations.map((annotation) => (
          <ListItem
            key={annotation.id}
            disablePadding
            divider
            secondaryAction={
              analyst && (
                <>
                  {(annotation.kind === 'callout' || annotation.kind === 'note') && (
                    <Tooltip title="Change text">
                      <IconButton
                        size="small"
                        aria-label="Change text"
                        onClick={() => setEditing(annotation)}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  )}
                  <Tooltip title="Remove">
                    <IconButton
                      size="small"
                      aria-label="Remove annotation"
                      onClick={() =>
                        void attempt(() => repositories.annotations.remove(annotation.id, analyst))
                      }
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </>
              )
            }
          >
            <ListItemButton onClick={() => onOpen?.(annotation)} sx={{ pr: 10 }}>
              <ListItemText
                primary={describeAnnotation(annotation).replace(/^./, (first) => first.toUpperCase())}
                secondary={`${annotation.createdBy.name} · ${formatDateTime(annotation.createdAt)}`}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
      {editing && analyst && (editing.kind === 'callout' || editing.kind === 'note') && (
        <AnnotationTextDialog
          title="Change text"
          label={editing.kind === 'callout' ? 'Callout text' : 'Note'}
          initialText={editing.text}
          onSave={async (text) =>
            (await attempt(async () => {
              await repositories.annotations.updateText(editing.id, text, analyst)
              return true
            })) === true
          }
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
