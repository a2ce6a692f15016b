import type { CommandDeclaration } from '@workspace/commands'

/** Carried out by NewCaseDialog, mounted while someone is signed in. */
export const INTAKE_COMMANDS: CommandDeclaration[] = [
  { id: 'intake.new-case', title: 'New case', group: 'Workstation', shortcut: ['n'] },
]
