import { repositories } from '@db/instance'
import { type Actor, CASE_STATUS_INFO, type CaseStatus } from '@shared/domain'
import { attempt, notify } from '@ui/notices'

type CasePatch = Parameters<typeof repositories.cases.update>[1]

/** One case change from a button or a shortcut, reported as a notice either way. */
async function changeCase(
  caseId: string,
  patch: CasePatch,
  analyst: Actor,
  done: (caseNumber: string) => string,
) {
  const saved = await attempt(() => repositories.cases.update(caseId, patch, analyst))
  if (saved) notify('success', done(saved.caseNumber))
}

export const assignCaseToMe = (caseId: string, analyst: Actor) =>
  changeCase(
    caseId,
    { assigneeId: analyst.id, assigneeName: analyst.name },
    analyst,
    (number) => `${number} is assigned to you.`,
  )

/** A lead's assignment (an empty id puts the case back in the team queue). */
export const assignCase = (caseId: string, assignee: { id: string; name: string }, lead: Actor) =>
  changeCase(caseId, { assigneeId: assignee.id, assigneeName: assignee.name }, lead, (number) =>
    assignee.id ? `${number} is assigned to ${assignee.name}.` : `${number} is back in the team queue.`,
  )

export const moveCaseTo = (caseId: string, status: CaseStatus, analyst: Actor) =>
  changeCase(caseId, { status }, analyst, (number) => `${number} is now ${CASE_STATUS_INFO[status].label}.`)
