import type { Actor } from '@shared/domain'
import { useWorkspaceUi } from '../workspace-store'
import type { CommandContext } from './command'
import { commandRegistry } from './command-registry'

/** The context commands see now: the analyst, and the case and exhibit open in the workspace. */
export function commandContext(analyst: Actor | null): CommandContext {
  const { selectedCaseId, selectedEvidenceId } = useWorkspaceUi.getState()
  return { analyst, caseId: selectedCaseId, evidenceId: selectedEvidenceId }
}

/** Runs a command by id, as a button, a menu item or a key does; false when it does not apply now. */
export const runCommand = (id: string, analyst: Actor | null): boolean =>
  commandRegistry.run(id, commandContext(analyst))
