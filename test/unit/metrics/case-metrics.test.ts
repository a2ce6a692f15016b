import type { Case, CaseStatus, IncidentCategory, Severity, SlaClockEvent } from '@shared/domain'
import { caseListCsv, spreadsheetSafe } from '@shared/rules/metrics/case-csv'
import { caseFacts, caseMetrics, inRange, medianOfCounts, weekOf } from '@shared/rules/metrics/case-metrics'
import { caseSlaInstants } from '@shared/rules/sla/case-sla'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

const HOUR = 3_600_000
const at = (base: string, hours: number) => new Date(Date.parse(base) + hours * HOUR).toISOString()

/** A case opened at `createdAt` whose status moved as listed (hours after opening). */
function metricCase(
  id: string,
  options: {
    createdAt: string
    severity?: Severity
    category?: IncidentCategory
    assigneeName?: string
    moves?: Array<[number, CaseStatus]>
    title?: string
  },
): Case {
  const severity = options.severity ?? 'S2'
  const events: SlaClockEvent[] = [{ type: 'opened', at: options.createdAt, status: 'new', severity }]
  for (const [hours, status] of options.moves ?? [])
    events.push({ type: 'status', at: at(options.createdAt, hours), status })
  const status = (options.moves?.at(-1)?.[1] ?? 'new') as CaseStatus
  return {
    id,
    caseNumber: `CR-2026-${id.padStart(6, '0')}`,
    title: options.title ?? `Case ${id}`,
    summary: '',
    category: options.category ?? 'property_damage',
    severity,
    status,
    source: 'support',
    assigneeId: options.assigneeName ? options.assigneeName.toLowerCase() : '',
    assigneeName: options.assigneeName ?? '',
    tags: [],
    occurredAt: null,
    location: '',
    order: null,
    slaEvents: events,
    ...caseSlaInstants(events, DEFAULT_SLA_POLICY),
    createdAt: options.createdAt,
    createdBy: { id: 'a', name: 'A' },
    updatedAt: options.createdAt,
  }
}

const decided = (caseId: string, kind: 'warning' | 'education' | 'no_action') => ({ caseId, kind })

// S2: first response within 4 h, resolution within 72 h.
const cases = [
  // Responded in 1 h, resolved in 10 h: both met. Week of Monday 2026-11-16.
  metricCase('1', {
    createdAt: '2026-11-16T09:00:00.000Z',
    assigneeName: 'Riley Chen',
    moves: [
      [1, 'investigating'],
      [10, 'resolved'],
    ],
  }),
  // Responded in 6 h (breached), resolved in 80 h (breached).
  metricCase('2', {
    createdAt: '2026-11-17T09:00:00.000Z',
    assigneeName: 'Riley Chen',
    moves: [
      [6, 'investigating'],
      [80, 'closed'],
    ],
  }),
  // Open, awaiting a party; S1 harassment.
  metricCase('3', {
    createdAt: '2026-11-24T09:00:00.000Z',
    severity: 'S1',
    category: 'harassment_threat',
    assigneeName: 'Sam Patel',
    moves: [[0.5, 'awaiting_party']],
  }),
  // New and unassigned.
  metricCase('4', { createdAt: '2026-11-25T09:00:00.000Z', title: '=HYPERLINK("http://evil")' }),
]
const determinations = [decided('1', 'warning'), decided('1', 'no_action'), decided('2', 'education')]
const facts = caseFacts(cases, determinations, DEFAULT_SLA_POLICY)
const metrics = caseMetrics(facts)

describe('case metrics', () => {
  it('counts open cases by status and severity, leaving out resolved and closed ones', () => {
    expect(metrics.caseCount).toBe(4)
    expect(metrics.openByStatus.new).toEqual({ S1: 0, S2: 1, S3: 0, S4: 0 })
    expect(metrics.openByStatus.awaiting_party).toEqual({ S1: 1, S2: 0, S3: 0, S4: 0 })
    expect(Object.keys(metrics.openByStatus)).not.toContain('resolved')
  })

  it('gives SLA compliance per week of completion, per target', () => {
    expect(weekOf('2026-11-22T23:00:00.000Z')).toBe('2026-11-16')
    expect(weekOf('2026-11-23T00:00:00.000Z')).toBe('2026-11-23')
    expect(metrics.weeklyCompliance).toEqual([
      // Case 1 met both; case 2's response (Nov 17) breached; case 2's resolution completed Nov 20, breached.
      { week: '2026-11-16', firstResponse: 50, resolution: 50, completed: 4 },
      // Case 3's first response (leaving "new" for awaiting party) was met.
      { week: '2026-11-23', firstResponse: 100, resolution: null, completed: 1 },
    ])
  })

  it('takes the median hours to first response and to resolution of the cases that got there', () => {
    expect(medianOfCounts({})).toBeNull()
    expect(medianOfCounts({ 5: 1, 1: 1, 3: 1 })).toBe(3)
    expect(medianOfCounts({ 4: 1, 1: 1, 3: 1, 2: 1 })).toBe(2.5)
    // 10, 10, 10, 20, 90: counted values are spelled out in order.
    expect(medianOfCounts({ 90: 1, 10: 3, 20: 1 })).toBe(10)
    expect(medianOfCounts({ 90: 2, 10: 2 })).toBe(50)
    expect(metrics.medianHours).toEqual({ firstResponse: 1, resolution: 45 })
  })

  it('counts outcomes by category and cases per analyst', () => {
    expect(metrics.outcomesByCategory).toEqual([
      { category: 'property_damage', counts: { warning: 1, no_action: 1, education: 1 }, total: 3 },
    ])
    expect(metrics.perAnalyst).toEqual([
      { analyst: 'Sam Patel', open: 1, total: 1 },
      { analyst: 'Unassigned', open: 1, total: 1 },
      { analyst: 'Riley Chen', open: 0, total: 2 },
    ])
  })

  it('selects cases by the day they were opened, either end open', () => {
    const range = { from: '2026-11-17T00:00:00.000Z', to: '2026-11-24T23:59:59.999Z' }
    expect(cases.filter((record) => inRange(record, range)).map((record) => record.id)).toEqual(['2', '3'])
    expect(cases.filter((record) => inRange(record, { from: null, to: null }))).toHaveLength(4)
  })
})

describe('the case list as CSV', () => {
  it('writes the chosen columns in their order, one row per case, formulas defused', () => {
    const csv = caseListCsv(facts, ['outcomes', 'caseNumber', 'title', 'slaBreached'])
    const rows = Papa.parse<string[]>(csv).data
    expect(rows[0]).toEqual(['Case number', 'Title', 'SLA breached', 'Outcomes'])
    expect(rows.slice(1)).toEqual([
      ['CR-2026-000001', 'Case 1', 'no', 'warning; no action'],
      ['CR-2026-000002', 'Case 2', 'yes', 'education'],
      ['CR-2026-000003', 'Case 3', 'no', ''],
      ['CR-2026-000004', `'=HYPERLINK("http://evil")`, 'no', ''],
    ])
    expect(csv).toContain('\r\n')
  })

  it('refuses an export with no column', () => {
    expect(() => caseListCsv(facts, [])).toThrow('Choose at least one column')
  })

  it('defuses every formula prefix and leaves other text alone', () => {
    expect(
      ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(spreadsheetSafe).every((value) => value.startsWith("'")),
    ).toBe(true)
    expect(spreadsheetSafe('Garage door')).toBe('Garage door')
  })
})
