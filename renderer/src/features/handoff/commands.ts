import type { CommandDeclaration } from '@workspace/commands'

/** Carried out by HandoffDialog, mounted while someone is signed in. */
export const HANDOFF_COMMANDS: CommandDeclaration[] = [
  { id: 'handoff.write', title: 'Write the shift handoff', group: 'Workstation' },
]
