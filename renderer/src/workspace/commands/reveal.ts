import type { CaseSection } from '../case-sections'
import { useWorkspaceUi } from '../workspace-store'
import { type CommandDeclaration, caseOpen } from './command'

/** A command carried out on a tab of the open case: the tab is shown, and its component runs it. */
export const onCaseTab = (section: CaseSection): Pick<CommandDeclaration, 'when' | 'reveal'> => ({
  when: caseOpen,
  reveal: () => useWorkspaceUi.getState().showCaseSection(section),
})
