import { QUEUE_VIEWS } from '@db/repositories/queue-views'
import { assignCaseToMe } from '@features/case'
import { exportAllCases, exportOneCase, importCaseBundles, runReported } from '@features/transfer'
import type { Actor } from '@shared/domain'
import { focusCaseSearch } from '@ui/focus-targets'
import { CASE_REQUESTS, type CaseRequest } from '@workspace/case-requests'
import { SETTINGS_SECTIONS } from '@workspace/settings-sections'
import { useWorkspaceUi } from '@workspace/workspace-store'
import type { Command } from './command-matching'

/** Every action the command palette offers, for the current analyst and open case. */
export function workstationCommands(analyst: Actor): Command[] {
  const ui = useWorkspaceUi.getState()
  const caseId = ui.selectedCaseId
  const caseCommands: Command[] = caseId
    ? [
        {
          label: 'Assign the open case to me',
          shortcut: 'a',
          run: () => void assignCaseToMe(caseId, analyst),
        },
        ...Object.entries(CASE_REQUESTS).map(([request, { label }]) => ({
          label,
          shortcut: request === 'change-status' ? 's' : undefined,
          run: () => ui.requestCaseAction(request as CaseRequest),
        })),
        { label: 'Export this case…', run: () => runReported(() => exportOneCase(caseId, analyst)) },
      ]
    : []
  return [
    { label: 'Search cases', shortcut: '/', run: focusCaseSearch },
    { label: 'New case', shortcut: 'n', run: () => ui.setNewCaseOpen(true) },
    ...caseCommands,
    ...QUEUE_VIEWS.map(({ id, label }) => ({
      label: `Queue view: ${label}`,
      run: () => ui.setQueueView(id),
    })),
    { label: 'Import case bundle…', run: () => runReported(() => importCaseBundles(analyst)) },
    { label: 'Export all cases…', run: () => runReported(() => exportAllCases(analyst)) },
    { label: 'Case metrics dashboard', run: () => ui.setDashboardOpen(true) },
    { label: 'Write the shift handoff', run: () => ui.setHandoffOpen(true) },
    { label: 'Settings', shortcut: 'Ctrl+,', run: () => ui.openSettings() },
    ...SETTINGS_SECTIONS.map((section) => ({
      label: `Settings: ${section}`,
      run: () => ui.openSettings(section),
    })),
    { label: 'Keyboard shortcuts', shortcut: '?', run: () => ui.setShortcutsOpen(true) },
  ]
}
