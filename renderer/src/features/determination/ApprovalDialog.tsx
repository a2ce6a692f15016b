import { repositories } from '@db/instance'
import { TextField } from '@mui/material'
import type { Actor, Determination, Party } from '@shared/domain'
import { describeOutcome } from '@shared/rules/policy/determination-review'
import { showUntrusted } from '@shared/untrusted-text'
import { FormDialog } from '@ui/FormDialog'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useState } from 'react'

/**
 * Records a lead's approval of an outcome. Signed in to the team server as a lead, the approver is
 * that account; working without a server, the analyst names the lead who approved (recorded locally,
 * under the analyst's name in the audit).
 */
export function ApprovalDialog({
  determination,
  party,
  analyst,
  signedInLead,
  onClose,
}: {
  determination: Determination
  party: Party
  analyst: Actor
  /** The signed-in lead, when a team server is joined. */
  signedInLead: Actor | null
  onClose(): void
}) {
  const [approverName, setApproverName] = useState('')
  const [note, setNote] = useState('')
  const approver: Actor | null =
    signedInLead ??
    (approverName.trim() ? { id: `local:${approverName.trim()}`, name: approverName.trim() } : null)
  const save = async () => {
    if (!approver) return
    const saved = await attempt(
      () =>
        repositories.determinations.recordApproval(
          determination.id,
          { approver, at: new Date().toISOString(), note: note.trim() },
          analyst,
        ),
      `Approval by ${approver.name} recorded.`,
    )
    if (saved) onClose()
  }
  return (
    <FormDialog
      title="Record lead approval"
      submitLabel="Record approval"
      canSubmit={approver !== null}
      description={`${showUntrusted(party.name)}: ${determination.outcome ? describeOutcome(determination.outcome) : 'no outcome'}. ${
        signedInLead
          ? `You approve as ${signedInLead.name}.`
          : 'No team server is joined: name the lead who approved; the approval is recorded on this workstation.'
      }`}
      onSubmit={save}
      onClose={onClose}
    >
      {!signedInLead && (
        <TextField
          label="Approving lead"
          value={approverName}
          onChange={(event) => setApproverName(event.target.value)}
          required
          autoFocus
        />
      )}
      <NoteField label="Note (optional)" value={note} onChange={setNote} />
    </FormDialog>
  )
}
