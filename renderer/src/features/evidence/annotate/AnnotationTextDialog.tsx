import { FormDialog } from '@ui/FormDialog'
import { NoteField } from '@ui/NoteField'
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
    <FormDialog title={title} submitLabel="Save" width="xs" onSubmit={save} onClose={onClose}>
      <NoteField
        autoFocus
        label={label}
        value={text}
        error={error !== null}
        helperText={error ?? ' '}
        onChange={(next) => {
          setText(next)
          setError(null)
        }}
        onKeyDown={(event) => {
          // Ctrl/Cmd+Enter saves from the multi-line field, as in the note editors.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save()
        }}
      />
    </FormDialog>
  )
}
