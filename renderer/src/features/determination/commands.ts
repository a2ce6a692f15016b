import { type CommandDeclaration, onCaseTab } from '@workspace/commands'

/** Carried out by the Determination tab (DeterminationSection). */
export const DETERMINATION_COMMANDS: CommandDeclaration[] = [
  {
    id: 'determination.record',
    title: 'Record a determination…',
    group: 'Case',
    ...onCaseTab('Determination'),
  },
]
