import {
  CaseDetailsFields,
  type CaseDetailsForm,
  caseDetailsErrors,
  caseDetailsFormOf,
  caseDetailsPatch,
  fieldRenderer,
} from '@features/intake'
import { editCaseDetails } from '@services/case-details/edit-case-details'
import { thisWorkstation } from '@services/this-workstation'
import type { Case } from '@shared/domain'
import { FormDialog } from '@ui/FormDialog'
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
    const saved = await attempt(
      () => editCaseDetails(thisWorkstation, record.id, caseDetailsPatch(form), analyst),
      `${record.caseNumber} saved.`,
    )
    if (saved) onClose()
  }

  return (
    <FormDialog
      title={`Edit ${record.caseNumber}`}
      submitLabel="Save details"
      width="md"
      onSubmit={save}
      onClose={onClose}
    >
      <CaseDetailsFields
        form={form}
        field={field}
        onCategory={(category) => set({ category })}
        onSeverity={(severity) => set({ severity })}
      />
    </FormDialog>
  )
}
