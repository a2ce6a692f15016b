import type { Actor } from '@shared/domain'
import { useSyncExternalStore } from 'react'
import { useWorkspaceUi } from '../workspace-store'
import type { CommandDeclaration } from './command'
import { commandRegistry } from './command-registry'

/** Re-renders when a command or a runtime comes or goes. */
const useRegistryChanges = () => useSyncExternalStore(commandRegistry.subscribe, commandRegistry.version)

/** Every command declared, in the palette's order (the `?` sheet lists their shortcuts). */
export function useDeclaredCommands(): CommandDeclaration[] {
  useRegistryChanges()
  return commandRegistry.declared()
}

/** The commands that apply now, for the analyst and what they have open. */
export function useEnabledCommands(analyst: Actor): CommandDeclaration[] {
  useRegistryChanges()
  const caseId = useWorkspaceUi((state) => state.selectedCaseId)
  const evidenceId = useWorkspaceUi((state) => state.selectedEvidenceId)
  return commandRegistry.enabled({ analyst, caseId, evidenceId })
}
