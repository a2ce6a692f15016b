import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  MenuItem,
  Stack,
  TextField,
  type TextFieldProps,
  Typography,
} from '@mui/material'
import { useState } from 'react'
import {
  CASE_STATUS_INFO,
  ESCALATION_SOURCE_LABELS,
  ESCALATION_SOURCES,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_INFO,
  type IncidentCategory,
  SEVERITIES,
} from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import type { PossibleDuplicate } from '../../db/repositories/cases'
import { useAnalyst } from '../identity/useAnalyst'
import { attempt, notify } from '../shell/notices'
import { useWorkspaceUi } from '../shell/ui-store'
import { blankIntakeForm, type IntakeForm, intakeAccountIds, intakeDraft, intakeErrors } from './intake-form'

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="overline" color="text.secondary" sx={{ pt: 1 }}>
      {children}
    </Typography>
  )
}

/**
 * Opens a new case from an escalation. Before creating, open cases on the same order or with the
 * same customer or shopper account are offered: one incident should be one case.
 */
export function NewCaseDialog() {
  const open = useWorkspaceUi((state) => state.newCaseOpen)
  if (!open) return null
  return <NewCaseForm />
}

function NewCaseForm() {
  const analyst = useAnalyst()
  const [form, setForm] = useState<IntakeForm>(blankIntakeForm)
  const [severityTouched, setSeverityTouched] = useState(false)
  const [showErrors, setShowErrors] = useState(false)
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null)
  const errors = intakeErrors(form)
  const close = () => useWorkspaceUi.getState().setNewCaseOpen(false)

  const field = (name: keyof IntakeForm, label: string, props: TextFieldProps = {}) => (
    <TextField
      label={label}
      value={form[name]}
      onChange={(event) => {
        setForm((current) => ({ ...current, [name]: event.target.value }))
        setDuplicates(null)
      }}
      error={showErrors && Boolean(errors[name])}
      helperText={(showErrors && errors[name]) || props.helperText}
      fullWidth
      {...props}
    />
  )
  const dateField = (name: 'occurredAt' | 'deliveredAt', label: string) =>
    field(name, label, { type: 'datetime-local', slotProps: { inputLabel: { shrink: true } } })

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
    <Dialog open onClose={close} maxWidth="md" fullWidth>
      <DialogTitle>New case</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          component="form"
          sx={{ pt: 1 }}
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          {field('title', 'Title', { required: true, autoFocus: true })}
          <Stack direction="row" spacing={2}>
            {field('category', 'Category', {
              select: true,
              children: INCIDENT_CATEGORIES.map((category) => (
                <MenuItem key={category} value={category}>
                  {INCIDENT_CATEGORY_INFO[category].label}
                </MenuItem>
              )),
              onChange: (event) => {
                const category = event.target.value as IncidentCategory
                setForm((current) => ({
                  ...current,
                  category,
                  // Until the analyst picks a severity, follow the category's usual one.
                  severity: severityTouched
                    ? current.severity
                    : INCIDENT_CATEGORY_INFO[category].typicalSeverity,
                }))
              },
              helperText: INCIDENT_CATEGORY_INFO[form.category].examples,
            })}
            {field('severity', 'Severity', {
              select: true,
              children: SEVERITIES.map((severity) => (
                <MenuItem key={severity} value={severity}>
                  {severity}
                </MenuItem>
              )),
              onChange: (event) => {
                setSeverityTouched(true)
                setForm((current) => ({ ...current, severity: event.target.value as IntakeForm['severity'] }))
              },
              sx: { maxWidth: 140 },
            })}
            {field('source', 'Escalated by', {
              select: true,
              children: ESCALATION_SOURCES.map((source) => (
                <MenuItem key={source} value={source}>
                  {ESCALATION_SOURCE_LABELS[source]}
                </MenuItem>
              )),
            })}
          </Stack>
          {field('summary', 'Incident summary', { multiline: true, minRows: 3 })}
          <Stack direction="row" spacing={2}>
            {dateField('occurredAt', 'Occurred')}
            {field('location', 'Location')}
          </Stack>
          <Heading>Order</Heading>
          <Stack direction="row" spacing={2}>
            {field('orderId', 'Order ID')}
            {field('retailer', 'Retailer')}
            {field('storeName', 'Store')}
          </Stack>
          <Stack direction="row" spacing={2}>
            {field('deliveryAddress', 'Delivery address')}
            {dateField('deliveredAt', 'Delivered')}
          </Stack>
          <Heading>Customer</Heading>
          <Stack direction="row" spacing={2}>
            {field('customerName', 'Customer name')}
            {field('customerAccountId', 'Customer account ID')}
          </Stack>
          <Stack direction="row" spacing={2}>
            {field('customerEmail', 'Customer email')}
            {field('customerPhone', 'Customer phone')}
          </Stack>
          <Heading>Shopper</Heading>
          <Stack direction="row" spacing={2}>
            {field('shopperName', 'Shopper name')}
            {field('shopperAccountId', 'Shopper account ID')}
          </Stack>
          {field('tags', 'Tags', { helperText: 'Separated by commas' })}
          {/* Enter in a single-line field submits, as in any form. */}
          <button type="submit" hidden />
        </Stack>
        {duplicates && duplicates.length > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }} aria-label="Possible duplicates">
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {duplicates.length === 1 ? 'An open case' : `${duplicates.length} open cases`} may already cover
              this incident:
            </Typography>
            {duplicates.map(({ record, reasons }) => (
              <div key={record.id}>
                <Link
                  component="button"
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
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        {duplicates && duplicates.length > 0 ? (
          <Button variant="contained" color="warning" onClick={create}>
            Create anyway
          </Button>
        ) : (
          <Button variant="contained" onClick={submit}>
            Create case
          </Button>
        )}
      </DialogActions>
    </Dialog>
  )
}
