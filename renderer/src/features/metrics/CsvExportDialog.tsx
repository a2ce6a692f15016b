import { repositories } from '@db/instance'
import { Checkbox, FormControlLabel, FormGroup } from '@mui/material'
import { platform } from '@platform'
import { CASE_CSV_COLUMNS, type CaseCsvColumnId, caseListCsv } from '@shared/rules/metrics/case-csv'
import { FormDialog } from '@ui/FormDialog'
import { attempt, notify } from '@ui/notices'
import { describeRange, rangeInstants } from './dashboard-range'
import { type DashboardRange, useMetricsUi } from './metrics-store'

/** Exports the dashboard's case list (the cases its range selects) as CSV, with the columns chosen. */
export function CsvExportDialog({
  caseCount,
  range,
  onClose,
}: {
  /** How many cases the range holds (as the dashboard counted them). */
  caseCount: number
  range: DashboardRange
  onClose(): void
}) {
  const columns = useMetricsUi((state) => state.csvColumns)
  const setColumns = useMetricsUi((state) => state.setCsvColumns)
  const toggle = (id: CaseCsvColumnId, on: boolean) =>
    setColumns(
      CASE_CSV_COLUMNS.map((column) => column.id).filter((other) =>
        other === id ? on : columns.includes(other),
      ),
    )
  const exportCsv = async () => {
    const saved = await attempt(async () => {
      const facts = await repositories.metrics.caseListOpenedIn(rangeInstants(range))
      const csv = caseListCsv(facts, columns)
      const span = range.from || range.to ? `${range.from || 'start'}-to-${range.to || 'now'}` : 'all-time'
      const result = await platform.saveFile({
        title: 'Export the case list',
        suggestedName: `cases-${span}.csv`,
        mimeType: 'text/csv',
        filters: [{ name: 'CSV files', extensions: ['csv'] }],
        // A byte-order mark, so spreadsheet programs read names with accents as UTF-8.
        bytes: new TextEncoder().encode(`\uFEFF${csv}\r\n`),
      })
      return result.saved ? facts.length : null
    })
    if (typeof saved === 'number') {
      notify('success', `Exported ${saved} case${saved === 1 ? '' : 's'} (${describeRange(range)}).`)
      onClose()
    }
  }
  return (
    <FormDialog
      title="Export the case list"
      description={`${caseCount} case${caseCount === 1 ? '' : 's'} opened ${describeRange(range)}, one row each. Columns:`}
      submitLabel="Export CSV"
      canSubmit={columns.length > 0}
      width="content"
      onSubmit={exportCsv}
      onClose={onClose}
    >
      <FormGroup aria-label="Columns">
        {CASE_CSV_COLUMNS.map((column) => (
          <FormControlLabel
            key={column.id}
            label={column.label}
            control={
              <Checkbox
                checked={columns.includes(column.id)}
                onChange={(event) => toggle(column.id, event.target.checked)}
              />
            }
          />
        ))}
      </FormGroup>
    </FormDialog>
  )
}
