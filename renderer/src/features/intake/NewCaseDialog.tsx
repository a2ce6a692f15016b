import { repositories } from '@db/instance'
import type { PossibleDuplicate } from '@db/repositories/cases'
import { Alert, Link, Stack, type TextFieldProps, Typography } from '@mui/material'
import { CASE_STATUS_INFO, INCIDENT_CATEGORY_INFO } from '@shared/domain'
import { FormDialog } from '@ui/FormDialog'
import { attempt, notify } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useState } from 'react'
import { CaseDetailsFields, FormHeading, fieldRenderer } from './CaseDetailsFields'
import {
  blankIntakeForm,
  type IntakeForm,
  intakeAccountIds,
  intakeDraft,
  intakeErrors,
  phoneStoredAs,
} from './case-form'

/** The keyboard for an address, without the browser's own check (the form names the problem). */
const EMAIL_FIELD: TextFieldProps = { slotProps: { htmlInput: { inputMode: 'email' } } }

/** A phone field: the phone keypad, and the number as it will be stored once it reads as one. */
const phoneField = (value: string): TextFieldProps => ({
  slotProps: { htmlInput: { inputMode: 'tel' } },
  helperText: phoneStoredAs(value) ?? 'With the area code; +code for a number outside North America',
})

/**
 * Opens a new case from an escalation. Before creating, open cases on the same order or with the
 * same customer or shopper account are offered: one incident should be one case.
 */
export function NewCaseDialog() {
  const [open, setOpen] = useState(false)
  // The top bar's "New case", the "n" key and the palette.
  useCommandRuntime('intake.new-case', () => setOpen(true))
  if (!open) return null
  return <NewCaseForm onClose={() => setOpen(false)} />
}

function NewCaseForm({ onClose: close }: { onClose(): void }) {
  const analyst = useAnalyst()
  const [form, setForm] = useState<IntakeForm>(blankIntakeForm)
  const [severityTouched, setSeverityTouched] = useState(false)
  const [showErrors, setShowErrors] = useState(false)
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null)
  const errors = intakeErrors(form)

  const field = fieldRenderer(
    form,
    (name, value) => {
      setForm((current) => ({ ...current, [name]: value }))
      setDuplicates(null)
    },
    errors,
    showErrors,
  )

  const create = async () => {
    if (!analyst) return
    const created = await attempt(() => repositories.cases.create(intakeDraft(form), analyst))
    if (!created) return
    useWorkspaceUi.getState().selectCase(created.id)
    close()
    notify('success', `Opened ${created.caseNumber}.`)
  }

  const submit = async () => {
    setShowErrors(true)
    if (Object.keys(errors).length > 0) return
    if (duplicates === null) {
      const found = await attempt(() =>
        repositories.cases.possibleDuplicates(form.orderId.trim() || null, intakeAccountIds(form)),
      )
      if (!found) return
      if (found.length > 0) {
        setDuplicates(found)
        return
      }
    }
    await create()
  }

  return (
    <FormDialog
      title="New case"
      // Once possible duplicates are shown, submitting again creates the case anyway.
      submitLabel={duplicates ? 'Create anyway' : 'Create case'}
      submitColor={duplicates ? 'warning' : 'primary'}
      width="md"
      onSubmit={duplicates ? create : submit}
      onClose={close}
    >
      <CaseDetailsFields
        form={form}
        field={field}
        autoFocus
        onCategory={(category) =>
          setForm((current) => ({
            ...current,
            category,
            // Until the analyst picks a severity, follow the category's usual one.
            severity: severityTouched ? current.severity : INCIDENT_CATEGORY_INFO[category].typicalSeverity,
          }))
        }
        onSeverity={(severity) => {
          setSeverityTouched(true)
          setForm((current) => ({ ...current, severity }))
        }}
        beforeTags={
          <>
            <FormHeading>Customer</FormHeading>
            <Stack direction="row" spacing={2}>
              {field('customerName', 'Customer name')}
              {field('customerAccountId', 'Customer account ID')}
            </Stack>
            <Stack direction="row" spacing={2}>
              {field('customerEmail', 'Customer email', EMAIL_FIELD)}
              {field('customerPhone', 'Customer phone', phoneField(form.customerPhone))}
            </Stack>
            <FormHeading>Shopper</FormHeading>
            <Stack direction="row" spacing={2}>
              {field('shopperName', 'Shopper name')}
              {field('shopperAccountId', 'Shopper account ID')}
            </Stack>
            <Stack direction="row" spacing={2}>
              {field('shopperEmail', 'Shopper email', EMAIL_FIELD)}
              {field('shopperPhone', 'Shopper phone', phoneField(form.shopperPhone))}
            </Stack>
          </>
        }
      />
      {duplicates && (
        <Alert severity="warning" aria-label="Possible duplicates">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {duplicates.length === 1 ? 'An open case' : `${duplicates.length} open cases`} may already cover
            this incident:
          </Typography>
          {duplicates.map(({ record, reasons }) => (
            <div key={record.id}>
              <Link
                component="button"
                type="button"
                variant="body2"
                onClick={() => {
                  useWorkspaceUi.getState().selectCase(record.id)
                  close()
                }}
              >
                Open {record.caseNumber}
              </Link>{' '}
              · {record.title} · {CASE_STATUS_INFO[record.status].label} · {reasons.join('; ')}
            </div>
          ))}
        </Alert>
      )}
    </FormDialog>
  )
}
