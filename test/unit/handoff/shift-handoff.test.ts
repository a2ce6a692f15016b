import type { AuditEntry, Case, Task } from '@shared/domain'
import { handoffPrintHtml } from '@shared/formats/handoff/handoff-print'
import {
  handoffText,
  type ShiftHandoff,
  ShiftHandoffSchema,
  summariseShift,
} from '@shared/rules/handoff/shift-handoff'
import { describe, expect, it } from 'vitest'

const riley = { id: 'analyst-017', name: 'Riley Chen' }
const sam = { id: 'analyst-022', name: 'Sam Patel' }
const NOW = '2026-11-30T17:00:00.000Z'

const caseRecord = (id: string, patch: Partial<Case>): Case =>
  ({
    id,
    caseNumber: `CR-2026-00000${id}`,
    title: `Case ${id}`,
    status: 'investigating',
    slaDueAt: '9999-12-31T23:59:59.999Z',
    ...patch,
  }) as Case

const entry = (
  caseId: string,
  actor: typeof riley,
  at: string,
  patch: Partial<AuditEntry> = {},
): AuditEntry => ({
  id: `${caseId}-${at}`,
  caseId,
  entity: 'note',
  entityId: 'x',
  action: 'update',
  at,
  actor,
  changes: [],
  summary: '',
  ...patch,
})

const task = (caseId: string, title: string, patch: Partial<Task> = {}): Task => ({
  id: `${caseId}-${title}`,
  caseId,
  title,
  position: 1,
  done: false,
  doneAt: null,
  doneBy: null,
  dueAt: null,
  createdAt: '2026-11-30T08:00:00.000Z',
  ...patch,
})

const cases = new Map([
  // Worked on this shift: moved to awaiting party; resolution due in 3 hours.
  ['1', caseRecord('1', { status: 'awaiting_party', slaDueAt: '2026-11-30T20:00:00.000Z' })],
  // Assigned to Riley, untouched this shift; first response overdue.
  ['2', caseRecord('2', { status: 'new', slaDueAt: '2026-11-30T16:00:00.000Z' })],
  // Touched only by Sam.
  ['3', caseRecord('3', { slaDueAt: '2026-11-30T18:00:00.000Z' })],
  // Riley resolved it this shift: its tasks and SLAs no longer matter.
  ['4', caseRecord('4', { status: 'resolved' })],
  // Assigned, due in two days.
  ['5', caseRecord('5', { slaDueAt: '2026-12-02T17:00:00.000Z' })],
])

const summary = summariseShift({
  analystId: riley.id,
  shiftStartedAt: '2026-11-30T09:00:00.000Z',
  now: NOW,
  auditEntries: [
    entry('1', riley, '2026-11-30T10:00:00.000Z', {
      entity: 'case',
      changes: [{ field: 'status', before: 'investigating', after: 'awaiting_party' }],
    }),
    entry('1', riley, '2026-11-30T10:05:00.000Z'),
    entry('1', riley, '2026-11-30T08:00:00.000Z'), // before the shift
    entry('3', sam, '2026-11-30T11:00:00.000Z'),
    entry('4', riley, '2026-11-30T12:00:00.000Z', {
      entity: 'case',
      changes: [{ field: 'status', before: 'investigating', after: 'resolved' }],
    }),
    entry('4', riley, '2026-11-30T12:01:00.000Z', {
      entity: 'case',
      action: 'create',
      changes: [{ field: 'status', before: null, after: 'new' }],
    }),
  ],
  cases,
  assignedOpenCaseIds: ['2', '5'],
  tasks: [
    task('1', 'Call the customer back'),
    task('1', 'Photos requested', { done: true }),
    task('2', 'Request the statement', { dueAt: '2026-11-30T18:00:00.000Z' }),
    task('3', "Sam's task"),
    task('4', 'Left over on a resolved case'),
  ],
})

describe('the shift summary', () => {
  it('lists the cases the analyst changed since the shift started, with their status changes', () => {
    expect(summary.casesTouched.map((line) => [line.caseId, line.changes])).toEqual([
      ['1', 2],
      ['4', 2],
    ])
    expect(summary.statusChanges.map((line) => [line.caseId, line.from, line.to])).toEqual([
      ['1', 'investigating', 'awaiting_party'],
      ['4', 'investigating', 'resolved'],
    ])
  })

  it('lists open tasks of the touched and assigned open cases, those with a due time first', () => {
    expect(summary.openTasks.map((line) => line.task)).toEqual([
      'Request the statement',
      'Call the customer back',
    ])
  })

  it('lists SLA deadlines within 12 hours, overdue ones marked', () => {
    expect(summary.slasDue.map((line) => [line.caseId, line.overdue])).toEqual([
      ['2', true],
      ['1', false],
    ])
  })

  const handoff: ShiftHandoff = {
    ...summary,
    id: 'h-1',
    writtenBy: riley,
    writtenAt: NOW,
    note: 'Dana expects a call <b>before 10</b>.\n\nThe estimate is on E-2.',
  }

  it('is a valid stored handoff, and reads as text', () => {
    expect(ShiftHandoffSchema.safeParse(handoff).success).toBe(true)
    // Intl may put a narrow no-break space before AM/PM.
    const text = handoffText(handoff, 'UTC').replace(/\u202f/g, ' ')
    expect(text).toContain('Shift handoff from Riley Chen, Nov 30, 2026, 5:00 PM')
    expect(text).toContain(
      'Status changes:\n- Nov 30, 2026, 10:00 AM CR-2026-000001: Investigating → Awaiting party',
    )
    expect(text).toContain('- CR-2026-000002 Case 2 — overdue since Nov 30, 2026, 4:00 PM')
  })

  it('prints as a self-contained document that shows the note as text, never as markup', () => {
    const html = handoffPrintHtml(handoff, 'UTC')
    expect(html).toContain("default-src 'none'")
    expect(html).toContain('Dana expects a call &lt;b&gt;before 10&lt;/b&gt;.')
    expect(html).not.toContain('<b>before')
    expect(html).toContain('<h2>SLAs due in the next 12 hours</h2>')
  })
})
