import { MenuItem, Stack, TextField, type TextFieldProps, Typography } from '@mui/material'
import {
  ESCALATION_SOURCE_LABELS,
  ESCALATION_SOURCES,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_INFO,
  type IncidentCategory,
  SEVERITIES,
  type Severity,
} from '@shared/domain'
import type { ReactNode } from 'react'
import type { CaseDetailsForm, FormErrors } from './case-form'
import { incidentTimeZoneProps } from './incident-time-zone'

type StringFields<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string

/** Renders one text field of a form held as strings, with its error once errors are shown. */
export type FieldRenderer<F> = (name: StringFields<F>, label: string, props?: TextFieldProps) => ReactNode

export function fieldRenderer<F extends object>(
  form: F,
  change: (name: StringFields<F>, value: string) => void,
  errors: FormErrors<F>,
  showErrors: boolean,
): FieldRenderer<F> {
  return (name, label, props = {}) => {
    const error = showErrors ? errors[name] : undefined
    return (
      <TextField
        label={label}
        value={form[name] as string}
        onChange={(event) => change(name, event.target.value)}
        fullWidth
        {...props}
        // After the field's own props: a problem replaces its hint, never the other way round.
        error={Boolean(error)}
        helperText={error || props.helperText}
      />
    )
  }
}

/** Props for a date-and-time field in the analyst's own time zone. */
const DATE_TIME: TextFieldProps = { type: 'datetime-local', slotProps: { inputLabel: { shrink: true } } }

export function FormHeading({ children }: { children: string }) {
  return (
    <Typography variant="overline" color="text.secondary" sx={{ pt: 1 }}>
      {children}
    </Typography>
  )
}

/**
 * The fields of a case's own details (title, category, severity, source, summary, time and place,
 * order, tags), shared by the intake form and "Edit details". `beforeTags` goes above the tags
 * (the intake form's parties).
 */
export function CaseDetailsFields<F extends CaseDetailsForm>(props: {
  form: F
  field: FieldRenderer<F>
  onCategory(category: IncidentCategory): void
  onSeverity(severity: Severity): void
  autoFocus?: boolean
  beforeTags?: ReactNode
}) {
  const { field, form } = props
  return (
    <>
      {field('title' as StringFields<F>, 'Title', { required: true, autoFocus: props.autoFocus })}
      <Stack direction="row" spacing={2}>
        {field('category' as StringFields<F>, 'Category', {
          select: true,
          children: INCIDENT_CATEGORIES.map((category) => (
            <MenuItem key={category} value={category}>
              {INCIDENT_CATEGORY_INFO[category].label}
            </MenuItem>
          )),
          onChange: (event) => props.onCategory(event.target.value as IncidentCategory),
          helperText: INCIDENT_CATEGORY_INFO[form.category].examples,
        })}
        {field('severity' as StringFields<F>, 'Severity', {
          select: true,
          children: SEVERITIES.map((severity) => (
            <MenuItem key={severity} value={severity}>
              {severity}
            </MenuItem>
          )),
          onChange: (event) => props.onSeverity(event.target.value as Severity),
          sx: { maxWidth: 140 },
        })}
        {field('source' as StringFields<F>, 'Escalated by', {
          select: true,
          children: ESCALATION_SOURCES.map((source) => (
            <MenuItem key={source} value={source}>
              {ESCALATION_SOURCE_LABELS[source]}
            </MenuItem>
          )),
        })}
      </Stack>
      {field('summary' as StringFields<F>, 'Incident summary', { multiline: true, minRows: 3 })}
      <Stack direction="row" spacing={2}>
        {field('occurredAt' as StringFields<F>, 'Occurred', DATE_TIME)}
        {field(
          'incidentTimeZone' as StringFields<F>,
          'Incident time zone',
          incidentTimeZoneProps(form.occurredAt, form.incidentTimeZone),
        )}
        {field('location' as StringFields<F>, 'Location')}
      </Stack>
      <FormHeading>Order</FormHeading>
      <Stack direction="row" spacing={2}>
        {field('orderId' as StringFields<F>, 'Order ID')}
        {field('retailer' as StringFields<F>, 'Retailer')}
        {field('storeName' as StringFields<F>, 'Store')}
      </Stack>
      <Stack direction="row" spacing={2}>
        {field('deliveryAddress' as StringFields<F>, 'Delivery address')}
        {field('deliveredAt' as StringFields<F>, 'Delivered', DATE_TIME)}
      </Stack>
      {props.beforeTags}
      {field('tags' as StringFields<F>, 'Tags', { helperText: 'Separated by commas' })}
    </>
  )
}
