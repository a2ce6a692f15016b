import { Paper, Stack, Typography } from '@mui/material'
import { BarChart } from '@mui/x-charts/BarChart'
import { LineChart } from '@mui/x-charts/LineChart'
import {
  CASE_STATUS_INFO,
  type CaseStatus,
  categoryLabel,
  OUTCOME_KIND_LABELS,
  OUTCOME_KINDS,
  SEVERITIES,
} from '@shared/domain'
import type { CaseMetrics } from '@shared/rules/metrics/case-metrics'
import type { ReactNode } from 'react'

const CHART_HEIGHT = 280

/** One chart with its heading and a sentence that says what it shows (read by screen readers and tests). */
function ChartCard({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }} component="section" aria-label={title}>
      <Typography variant="h6" component="h3">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="chart-summary">
        {summary}
      </Typography>
      {children}
    </Paper>
  )
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

export function OpenCasesChart({ metrics }: { metrics: CaseMetrics }) {
  const statuses = Object.keys(metrics.openByStatus) as CaseStatus[]
  const total = sum(statuses.flatMap((status) => Object.values(metrics.openByStatus[status])))
  return (
    <ChartCard title="Open cases by status and severity" summary={`${total} open`}>
      <BarChart
        height={CHART_HEIGHT}
        skipAnimation
        xAxis={[{ scaleType: 'band', data: statuses.map((status) => CASE_STATUS_INFO[status].label) }]}
        series={SEVERITIES.map((severity) => ({
          label: severity,
          stack: 'severity',
          data: statuses.map((status) => metrics.openByStatus[status][severity]),
        }))}
      />
    </ChartCard>
  )
}

export function ComplianceChart({ metrics }: { metrics: CaseMetrics }) {
  const weeks = metrics.weeklyCompliance
  const latest = weeks.at(-1)
  return (
    <ChartCard
      title="SLA compliance by week"
      summary={
        latest
          ? `Week of ${latest.week}: first response ${latest.firstResponse ?? '–'}%, resolution ${latest.resolution ?? '–'}%`
          : 'No SLA target completed in this range'
      }
    >
      <LineChart
        height={CHART_HEIGHT}
        skipAnimation
        xAxis={[{ scaleType: 'point', data: weeks.map((week) => week.week) }]}
        yAxis={[{ min: 0, max: 100, valueFormatter: (value: number) => `${value}%` }]}
        series={[
          { label: 'First response met', data: weeks.map((week) => week.firstResponse), connectNulls: true },
          { label: 'Resolution met', data: weeks.map((week) => week.resolution), connectNulls: true },
        ]}
      />
    </ChartCard>
  )
}

export function OutcomesChart({ metrics }: { metrics: CaseMetrics }) {
  const rows = metrics.outcomesByCategory
  const used = OUTCOME_KINDS.filter((kind) => rows.some((row) => row.counts[kind]))
  return (
    <ChartCard
      title="Outcomes by category"
      summary={`${sum(rows.map((row) => row.total))} decisions in ${rows.length} categor${rows.length === 1 ? 'y' : 'ies'}`}
    >
      <BarChart
        height={Math.max(CHART_HEIGHT, rows.length * 34 + 80)}
        skipAnimation
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: rows.map((row) => categoryLabel(row.category)), width: 170 }]}
        series={used.map((kind) => ({
          label: OUTCOME_KIND_LABELS[kind],
          stack: 'outcome',
          data: rows.map((row) => row.counts[kind] ?? 0),
        }))}
      />
    </ChartCard>
  )
}

export function AnalystChart({ metrics }: { metrics: CaseMetrics }) {
  const rows = metrics.perAnalyst.slice(0, 15)
  return (
    <ChartCard
      title="Cases per analyst"
      summary={`${metrics.perAnalyst.length} assignee${metrics.perAnalyst.length === 1 ? '' : 's'}${metrics.perAnalyst.length > rows.length ? ` (the ${rows.length} with most open cases shown)` : ''}`}
    >
      <BarChart
        height={Math.max(CHART_HEIGHT, rows.length * 30 + 80)}
        skipAnimation
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: rows.map((row) => row.analyst), width: 150 }]}
        series={[
          { label: 'Open', data: rows.map((row) => row.open) },
          { label: 'Total', data: rows.map((row) => row.total) },
        ]}
      />
    </ChartCard>
  )
}

const hours = (value: number | null) =>
  value === null ? 'none yet' : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`

export function MedianTimes({ metrics }: { metrics: CaseMetrics }) {
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {[
        ['Cases opened', String(metrics.caseCount), 'dashboard-case-count'],
        ['Median time to first response', hours(metrics.medianHours.firstResponse), 'median-first-response'],
        ['Median time to resolution', hours(metrics.medianHours.resolution), 'median-resolution'],
      ].map(([label, value, testId]) => (
        <Paper key={label} variant="outlined" sx={{ px: 2, py: 1.5, minWidth: 220 }}>
          <Typography variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="h5" component="p" data-testid={testId}>
            {value}
          </Typography>
        </Paper>
      ))}
    </Stack>
  )
}
