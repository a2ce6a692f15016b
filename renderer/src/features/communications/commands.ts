import { type CommandDeclaration, onCaseTab } from '@workspace/commands'

/** Carried out by the Communications tab (CommunicationsSection). */
export const COMMUNICATIONS_COMMANDS: CommandDeclaration[] = [
  { id: 'communications.log-call', title: 'Log a call', group: 'Case', ...onCaseTab('Communications') },
  {
    id: 'communications.compose-email',
    title: 'Compose an email',
    group: 'Case',
    ...onCaseTab('Communications'),
  },
]
