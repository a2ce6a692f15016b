import { repositories } from '@db/instance'
import {
  CaseDetailsFields,
  type CaseDetailsForm,
  caseDetailsErrors,
  caseDetailsFormOf,
  caseDetailsPatch,
  fieldRenderer,
} from '@features/intake'
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material'
import type { Case } from '@shared/domain'
import { DialogForm } from '@ui/DialogForm'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'

/**
 * Edits a case's own details: title, category, severity (re-timing its SLA clocks), source, summary,
 * time and place, order and tags. Every changed field lands in the audit log.
 */
export function EditCaseDialog({ record, onClose }: { record: Case; onClose(): void }) {
  const analyst = useAnalyst()
  const [form, setForm] = useState<CaseDetailsForm>(() => caseDetailsFormOf(record))
  const [showErrors, setShowErrors] = useState(false)
  const errors = caseDetailsErrors(form)
  const set = (patch: Partial<CaseDetailsForm>) => setForm((current) => ({ ...current, ...patch }))
  const field = fieldRenderer(form, (name, value) => set({ [name]: value }), errors, showErrors)

  const save = async () => {
    setShowErrors(true)
    if (!analyst || Object.keys(errors).length > 0) return
    const patch = caseDetailsPatch(form)
    // The form shows times to the minute: an untouched time keeps its seconds.
    const initial = caseDetailsFormOf(record)
    if (form.occurredAt === initial.occurredAt) patch.occurredAt = record.occurredAt
    if (patch.order && form.deliveredAt === initial.deliveredAt)
      patch.order.deliveryAt = record.order?.deliveryAt ?? patch.order.deliveryAt
    const saved = await attempt(
      () => repositories.cases.update(record.id, patch, analyst),
      `${record.caseNumber} saved.`,
    )
    if (saved) onClose()
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>Edit {record.caseNumber}</DialogTitle>
      <DialogContent>
        <DialogForm onSubmit={() => void save()}>
          <CaseDetailsFields
            form={form}
            field={field}
            onCategory={(category) => set({ category })}
            onSeverity={(severity) => set({ severity })}
          />
        </DialogForm>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save}>
          Save details
        </Button>
      </DialogActions>
    </Dialog>
  )
}
