import { type CommandDeclaration, onCaseTab } from '@workspace/commands'

/** Carried out by the Timeline tab (TimelineSection). */
export const TIMELINE_COMMANDS: CommandDeclaration[] = [
  { id: 'timeline.add-event', title: 'Add a timeline event', group: 'Case', ...onCaseTab('Timeline') },
]
