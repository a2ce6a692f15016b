import { type CommandDeclaration, caseOpen, onCaseTab, withOpenCase } from '@workspace/commands'
import { assignCaseToMe } from './case-changes'

/** The open case's commands. Those without `run` are carried out by the component named beside them. */
export const CASE_COMMANDS: CommandDeclaration[] = [
  {
    id: 'case.assign-to-me',
    title: 'Assign the open case to me',
    group: 'Case',
    shortcut: ['a'],
    ...withOpenCase((caseId, analyst) => void assignCaseToMe(caseId, analyst)),
  },
  // CaseActions, in the case header: the status menu, the details form, a lead's assignment.
  {
    id: 'case.change-status',
    title: 'Change the status of the open case',
    group: 'Case',
    shortcut: ['s'],
    when: caseOpen,
  },
  {
    id: 'case.edit-details',
    title: 'Edit the case details (title, category, severity, order, tags)',
    group: 'Case',
    when: caseOpen,
  },
  { id: 'case.assign', title: 'Assign the open case to someone on the team…', group: 'Case', when: caseOpen },
  { id: 'case.add-party', title: 'Add a party', group: 'Case', ...onCaseTab('Parties') },
  { id: 'case.add-task', title: 'Add a task', group: 'Case', ...onCaseTab('Tasks') },
  { id: 'case.add-note', title: 'Add a note', group: 'Case', ...onCaseTab('Notes') },
]
