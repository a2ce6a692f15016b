import { repositories } from '@db/instance'
import { Alert, Button, Divider, LinearProgress } from '@mui/material'
import type { Actor } from '@shared/domain'
import type { ShiftHandoff } from '@shared/rules/handoff/shift-handoff'
import { FormDialog } from '@ui/FormDialog'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'
import { LocalDateTimeField } from '@ui/LocalDateTimeField'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { HandoffSummary } from './HandoffSummary'
import { copyHandoff, printHandoff } from './handoff-output'

/** A flex shift is at most this long: the summary starts here unless the analyst says otherwise. */
const DEFAULT_SHIFT_HOURS = 8

/** End of shift: the summary of what the analyst did and what is coming due, and a note to the next analyst. */
export function HandoffDialog({ analyst }: { analyst: Actor }) {
  const [open, setOpen] = useState(false)
  // The top bar's "Shift handoff" button and the palette.
  useCommandRuntime('handoff.write', () => setOpen(true))
  return open ? <HandoffForm analyst={analyst} onClose={() => setOpen(false)} /> : null
}

function HandoffForm({ analyst, onClose }: { analyst: Actor; onClose(): void }) {
  const [startedAt, setStartedAt] = useState(() =>
    toLocalInputValue(new Date(Date.now() - DEFAULT_SHIFT_HOURS * 3_600_000).toISOString()),
  )
  const [note, setNote] = useState('')
  // Read once per shift start (and on changes to the cases): "now" is when the dialog opened.
  const [now] = useState(() => new Date().toISOString())
  const since = fromLocalInputValue(startedAt)
  const summary = useLiveQuery(
    () => (since ? repositories.handoff.summarise(analyst, since, now) : Promise.resolve(null)),
    [analyst.id, since, now],
  )
  const handoff: ShiftHandoff | null = summary
    ? {
        ...summary,
        id: crypto.randomUUID(),
        writtenBy: analyst,
        writtenAt: new Date().toISOString(),
        note: note.trim(),
      }
    : null
  const handOff = async () => {
    if (!handoff) return
    const saved = await attempt(async () => {
      await repositories.handoff.save(handoff, analyst)
      return true
    }, 'Shift handoff saved; the next analyst sees it when they start.')
    if (saved) onClose()
  }
  return (
    <FormDialog
      title="Shift handoff"
      submitLabel="Save handoff"
      canSubmit={handoff !== null}
      width="md"
      actions={
        <>
          <Button disabled={!handoff} onClick={() => handoff && void copyHandoff(handoff)}>
            Copy as text
          </Button>
          <Button disabled={!handoff} onClick={() => handoff && void attempt(() => printHandoff(handoff))}>
            Print to PDF
          </Button>
        </>
      }
      onSubmit={handOff}
      onClose={onClose}
    >
      <LocalDateTimeField
        label="Shift started"
        value={startedAt}
        onChange={setStartedAt}
        missingText="When your shift started (date and time)"
        helperText="The summary covers what you changed since then."
        sx={{ maxWidth: 320 }}
      />
      <NoteField
        label="Note to the next analyst"
        value={note}
        onChange={setNote}
        minRows={4}
        autoFocus
        helperText="What is in flight, who is waiting on a call back, what to do first."
      />
      <Divider />
      {since === null ? (
        <Alert severity="warning">Give the time your shift started to see the summary.</Alert>
      ) : !handoff ? (
        <LinearProgress aria-label="Summarising the shift" />
      ) : (
        <HandoffSummary handoff={handoff} />
      )}
    </FormDialog>
  )
}
