import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material'
import { DialogForm } from '@ui/DialogForm'
import { useState } from 'react'

/** Asks for the words of a callout or a timestamped note (new, or changed). */
export function AnnotationTextDialog({
  title,
  label,
  initialText = '',
  onSave,
  onClose,
}: {
  title: string
  label: string
  initialText?: string
  /** Resolves true when saved; the dialog stays open otherwise so nothing typed is lost. */
  onSave(text: string): Promise<boolean>
  onClose(): void
}) {
  const [text, setText] = useState(initialText)
  const [error, setError] = useState<string | null>(null)
  const save = async () => {
    if (!text.trim()) return setError('Type the text first.')
    if (await onSave(text.trim())) onClose()
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogForm onSubmit={() => void save()}>
          <TextField
            autoFocus
            label={label}
            value={text}
            multiline
            minRows={2}
            error={error !== null}
            helperText={error ?? ' '}
            onChange={(event) => {
              setText(event.target.value)
              setError(null)
            }}
            onKeyDown={(event) => {
              // Ctrl/Cmd+Enter saves from the multi-line field, as in the note editors.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save()
            }}
          />
        </DialogForm>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  )
}
