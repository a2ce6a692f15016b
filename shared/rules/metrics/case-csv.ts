import Papa from 'papaparse'
import type { Case } from '../../domain'
import { CASE_STATUS_INFO, categoryLabel, OUTCOME_KIND_LABELS } from '../../domain'
import { showUntrusted } from '../../untrusted-text'
import type { CaseFacts as MetricsFacts } from './case-metrics'
import { UNASSIGNED_LABEL } from './case-metrics'

/** The CSV is written from whole cases (number, title ...), not only the facts the charts count. */
type CaseFacts = MetricsFacts<Case>

/** The columns the dashboard's case list can export, in their order in the file. */
export const CASE_CSV_COLUMNS = [
  { id: 'caseNumber', label: 'Case number', value: (fact: CaseFacts) => fact.record.caseNumber },
  { id: 'title', label: 'Title', value: (fact: CaseFacts) => fact.record.title },
  { id: 'category', label: 'Category', value: (fact: CaseFacts) => categoryLabel(fact.record.category) },
  { id: 'severity', label: 'Severity', value: (fact: CaseFacts) => fact.record.severity },
  { id: 'status', label: 'Status', value: (fact: CaseFacts) => CASE_STATUS_INFO[fact.record.status].label },
  {
    id: 'assignee',
    label: 'Assignee',
    value: (fact: CaseFacts) => fact.record.assigneeName || UNASSIGNED_LABEL,
  },
  { id: 'openedAt', label: 'Opened (UTC)', value: (fact: CaseFacts) => fact.record.createdAt },
  {
    id: 'firstResponseAt',
    label: 'First response (UTC)',
    value: (fact: CaseFacts) => fact.firstResponse.completedAt ?? '',
  },
  {
    id: 'resolvedAt',
    label: 'Resolved (UTC)',
    value: (fact: CaseFacts) => fact.resolution.completedAt ?? '',
  },
  {
    id: 'slaBreached',
    label: 'SLA breached',
    value: (fact: CaseFacts) =>
      fact.firstResponse.breachedAt !== null || fact.resolution.breachedAt !== null ? 'yes' : 'no',
  },
  {
    id: 'outcomes',
    label: 'Outcomes',
    value: (fact: CaseFacts) => fact.outcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join('; '),
  },
] as const
export type CaseCsvColumnId = (typeof CASE_CSV_COLUMNS)[number]['id']
export const CASE_CSV_COLUMN_IDS = CASE_CSV_COLUMNS.map((column) => column.id) as CaseCsvColumnId[]

/**
 * A value a spreadsheet would run as a formula (=, +, -, @, tab, return) gets a leading apostrophe:
 * case titles come from outside (support tickets, imports) and must not execute when the file is opened.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/**
 * The case list as CSV (RFC 4180, a header row, CRLF line ends), with the chosen columns in order.
 * Values are shown as everywhere else (untrusted-text.ts): a title from outside with a direction
 * override or a control character reads as it is stored, on its own row.
 */
export function caseListCsv(facts: readonly CaseFacts[], columnIds: readonly CaseCsvColumnId[]): string {
  const chosen = CASE_CSV_COLUMNS.filter((column) => columnIds.includes(column.id))
  if (chosen.length === 0) throw new Error('Choose at least one column to export.')
  return Papa.unparse(
    {
      fields: chosen.map((column) => column.label),
      data: facts.map((fact) => chosen.map((column) => spreadsheetSafe(showUntrusted(column.value(fact))))),
    },
    { newline: '\r\n', quotes: false },
  )
}
