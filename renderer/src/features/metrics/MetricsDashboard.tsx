import { repositories } from '@db/instance'
import { Box, Button, ButtonGroup, LinearProgress, Stack, TextField, Typography } from '@mui/material'
import { metricsFromTally } from '@shared/rules/metrics/case-metrics'
import { FullScreenDialog } from '@ui/FullScreenDialog'
import { useCommandRuntime } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { CsvExportDialog } from './CsvExportDialog'
import { ALL_TIME, describeRange, lastDays, rangeInstants } from './dashboard-range'
import { AnalystChart, ComplianceChart, MedianTimes, OpenCasesChart, OutcomesChart } from './MetricsCharts'
import { type DashboardRange, useMetricsUi } from './metrics-store'

const PRESETS: Array<{ label: string; range: () => DashboardRange }> = [
  { label: 'Last 7 days', range: () => lastDays(7) },
  { label: 'Last 30 days', range: () => lastDays(30) },
  { label: 'Last 90 days', range: () => lastDays(90) },
  { label: 'All time', range: () => ALL_TIME },
]

/** The team's numbers from the cases on this workstation, for a range of opening dates. */
export function MetricsDashboard() {
  const [open, setOpen] = useState(false)
  // The top bar's "Dashboard" button and the palette.
  useCommandRuntime('metrics.dashboard', () => setOpen(true))
  const close = () => setOpen(false)
  return (
    <FullScreenDialog open={open} title="Case metrics" closeLabel="Close the dashboard" onClose={close}>
      {open && <DashboardBody />}
    </FullScreenDialog>
  )
}

function DashboardBody() {
  const stored = useMetricsUi((state) => state.range)
  const setRange = useMetricsUi((state) => state.setRange)
  const range = stored ?? lastDays(30)
  const [exporting, setExporting] = useState(false)
  // The range the numbers were counted for goes with them: while a new range is read, the old
  // numbers must not pass for the new range's.
  const counted = useLiveQuery(async () => {
    const started = performance.now()
    const tally = await repositories.metrics.tallyOpenedIn(rangeInstants(range))
    // Read by `npm run bench`, with the time to the charts drawn (budget: 500 ms on 100,000 cases).
    performance.measure('dashboard:read', { start: started })
    return { tally, range: `${range.from}|${range.to}` }
  }, [range.from, range.to])
  const tally = counted?.tally
  const metrics = useMemo(() => {
    if (!tally) return undefined
    const started = performance.now()
    const computed = metricsFromTally(tally)
    performance.measure('dashboard:compute', { start: started })
    return computed
  }, [tally])
  return (
    <>
      <Box sx={{ p: 2, overflow: 'auto' }}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              size="small"
              type="date"
              label="Opened from"
              value={range.from}
              onChange={(event) => setRange({ ...range, from: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              size="small"
              type="date"
              label="Opened to"
              value={range.to}
              onChange={(event) => setRange({ ...range, to: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <ButtonGroup size="small" aria-label="Date range presets">
              {PRESETS.map((preset) => (
                <Button key={preset.label} onClick={() => setRange(preset.range())}>
                  {preset.label}
                </Button>
              ))}
            </ButtonGroup>
            <Box sx={{ flex: 1 }} />
            <Button variant="outlined" disabled={!tally} onClick={() => setExporting(true)}>
              Export CSV…
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            Cases opened {describeRange(range)}, counted from this workstation’s database.
          </Typography>
          {!metrics ? (
            <LinearProgress aria-label="Counting the cases" />
          ) : (
            <Stack spacing={2} data-testid="dashboard-ready" data-range={counted?.range}>
              <MedianTimes metrics={metrics} />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
                <OpenCasesChart metrics={metrics} />
                <ComplianceChart metrics={metrics} />
                <OutcomesChart metrics={metrics} />
                <AnalystChart metrics={metrics} />
              </Box>
            </Stack>
          )}
        </Stack>
      </Box>
      {exporting && tally && (
        <CsvExportDialog caseCount={tally.cases} range={range} onClose={() => setExporting(false)} />
      )}
    </>
  )
}
