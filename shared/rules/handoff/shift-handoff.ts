import { z } from 'zod'
import type { AuditEntry, Case, Task } from '../../domain'
import { CASE_STATUS_INFO, type CaseStatus, CaseStatusSchema, isOpenStatus } from '../../domain/case-status'
import { ActorSchema, IdSchema, TimestampSchema } from '../../domain/primitives'
import { formatReportTime } from '../../printed-time'

/**
 * The shift handoff: what an analyst leaves the next one at the end of a flex shift. The summary is
 * taken when the handoff is written and kept with the note, so the next analyst reads what was
 * handed over, not what the cases became since.
 */

/** How far ahead the handoff looks for SLA deadlines. */
export const HANDOFF_SLA_HORIZON_HOURS = 12

const CaseLineSchema = z.object({
  caseId: IdSchema,
  caseNumber: z.string().max(40),
  title: z.string().max(200),
})

export const ShiftHandoffSchema = z.object({
  id: IdSchema,
  writtenBy: ActorSchema,
  writtenAt: TimestampSchema,
  shiftStartedAt: TimestampSchema,
  note: z.string().trim().max(20_000),
  casesTouched: z.array(CaseLineSchema.extend({ status: CaseStatusSchema, changes: z.number().int() })),
  statusChanges: z.array(
    CaseLineSchema.extend({ from: CaseStatusSchema.nullable(), to: CaseStatusSchema, at: TimestampSchema }),
  ),
  openTasks: z.array(CaseLineSchema.extend({ task: z.string().max(300), dueAt: TimestampSchema.nullable() })),
  slasDue: z.array(CaseLineSchema.extend({ dueAt: TimestampSchema, overdue: z.boolean() })),
})
export type ShiftHandoff = z.infer<typeof ShiftHandoffSchema>
export type ShiftSummary = Omit<ShiftHandoff, 'id' | 'note' | 'writtenAt' | 'writtenBy'>

const asStatus = (value: unknown): CaseStatus | null => {
  const parsed = CaseStatusSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/**
 * What happened on the analyst's shift, from the audit: the cases they changed (with each status
 * change), the open tasks on those cases and on the cases assigned to them, and the SLA deadlines of
 * those cases within the next 12 hours (or already passed).
 */
export function summariseShift(input: {
  analystId: string
  shiftStartedAt: string
  now: string
  /** Audit entries since the shift started (any actor: only the analyst's own count). */
  auditEntries: readonly AuditEntry[]
  /** The cases the entries name, and the open cases assigned to the analyst. */
  cases: ReadonlyMap<string, Case>
  assignedOpenCaseIds: readonly string[]
  /** Tasks of every case in `cases`. */
  tasks: readonly Task[]
}): ShiftSummary {
  const line = (record: Case) => ({ caseId: record.id, caseNumber: record.caseNumber, title: record.title })
  const own = input.auditEntries
    .filter((entry) => entry.actor.id === input.analystId && entry.caseId && entry.at >= input.shiftStartedAt)
    .sort((a, b) => a.at.localeCompare(b.at))
  const changesPerCase = new Map<string, number>()
  const statusChanges: ShiftSummary['statusChanges'] = []
  for (const entry of own) {
    const record = input.cases.get(entry.caseId)
    if (!record) continue
    changesPerCase.set(record.id, (changesPerCase.get(record.id) ?? 0) + 1)
    // A case's opening is not a change of status: it shows among the cases touched.
    if (entry.entity !== 'case' || entry.action !== 'update') continue
    const change = entry.changes.find((candidate) => candidate.field === 'status')
    const to = asStatus(change?.after)
    if (change && to) statusChanges.push({ ...line(record), from: asStatus(change.before), to, at: entry.at })
  }
  const casesTouched = [...changesPerCase].map(([caseId, changes]) => {
    const record = input.cases.get(caseId)!
    return { ...line(record), status: record.status, changes }
  })
  const followed = new Set([...changesPerCase.keys(), ...input.assignedOpenCaseIds])
  const openTasks = input.tasks
    .filter((task) => !task.done && followed.has(task.caseId) && input.cases.has(task.caseId))
    .filter((task) => isOpenStatus(input.cases.get(task.caseId)!.status))
    .map((task) => ({ task, record: input.cases.get(task.caseId)! }))
    .sort(
      (a, b) =>
        byDueTime(a.task.dueAt, b.task.dueAt) ||
        a.record.caseNumber.localeCompare(b.record.caseNumber) ||
        a.task.position - b.task.position,
    )
    .map(({ task, record }) => ({ ...line(record), task: task.title, dueAt: task.dueAt }))
  const horizon = new Date(Date.parse(input.now) + HANDOFF_SLA_HORIZON_HOURS * 3_600_000).toISOString()
  const slasDue = [...followed]
    .map((caseId) => input.cases.get(caseId))
    .filter((record): record is Case => record !== undefined && isOpenStatus(record.status))
    .filter((record) => record.slaDueAt <= horizon)
    .sort((a, b) => a.slaDueAt.localeCompare(b.slaDueAt))
    .map((record) => ({ ...line(record), dueAt: record.slaDueAt, overdue: record.slaDueAt < input.now }))
  return { shiftStartedAt: input.shiftStartedAt, casesTouched, statusChanges, openTasks, slasDue }
}

/** Tasks with a due time first, soonest first (ISO instants compare as text). */
function byDueTime(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

const statusLabel = (status: CaseStatus | null) => (status ? CASE_STATUS_INFO[status].label : 'none')

/** The handoff's sections as headed lists of lines: one shape for the text copy and the print. */
export function handoffSections(
  handoff: ShiftHandoff,
  timeZone: string,
): Array<{ heading: string; lines: string[]; empty: string }> {
  const when = (iso: string) => formatReportTime(iso, timeZone)
  const ref = (line: { caseNumber: string; title: string }) => `${line.caseNumber} ${line.title}`
  return [
    {
      heading: 'Cases touched',
      lines: handoff.casesTouched.map(
        (line) =>
          `${ref(line)} — ${statusLabel(line.status)}, ${line.changes} change${line.changes === 1 ? '' : 's'}`,
      ),
      empty: 'No case was changed on this shift.',
    },
    {
      heading: 'Status changes',
      lines: handoff.statusChanges.map(
        (line) => `${when(line.at)} ${line.caseNumber}: ${statusLabel(line.from)} → ${statusLabel(line.to)}`,
      ),
      empty: 'No status changed.',
    },
    {
      heading: 'Open tasks',
      lines: handoff.openTasks.map(
        (line) => `${line.caseNumber}: ${line.task}${line.dueAt ? ` (due ${when(line.dueAt)})` : ''}`,
      ),
      empty: 'No open tasks.',
    },
    {
      heading: `SLAs due in the next ${HANDOFF_SLA_HORIZON_HOURS} hours`,
      lines: handoff.slasDue.map(
        (line) => `${ref(line)} — ${line.overdue ? 'overdue since' : 'due'} ${when(line.dueAt)}`,
      ),
      empty: `No SLA falls due in the next ${HANDOFF_SLA_HORIZON_HOURS} hours.`,
    },
  ]
}

/** The handoff as plain text, for pasting into chat or email. */
export function handoffText(handoff: ShiftHandoff, timeZone: string): string {
  const when = (iso: string) => formatReportTime(iso, timeZone)
  const parts = [
    `Shift handoff from ${handoff.writtenBy.name}, ${when(handoff.writtenAt)} (shift from ${when(handoff.shiftStartedAt)})`,
    '',
    'Note to the next analyst:',
    handoff.note || '(no note)',
  ]
  for (const section of handoffSections(handoff, timeZone)) {
    parts.push('', `${section.heading}:`)
    parts.push(...(section.lines.length ? section.lines.map((line) => `- ${line}`) : [section.empty]))
  }
  return `${parts.join('\n')}\n`
}
