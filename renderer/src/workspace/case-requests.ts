import { useEffect } from 'react'
import { useWorkspaceUi } from './workspace-store'

/** Things a shortcut or the command palette can ask the open case to do. */
export const CASE_REQUESTS = {
  'change-status': { label: 'Change the status of the open case', section: null },
  'edit-details': { label: 'Edit the case details (title, category, severity, order, tags)', section: null },
  'log-call': { label: 'Log a call', section: 'Communications' },
  'compose-email': { label: 'Compose an email', section: 'Communications' },
  'add-party': { label: 'Add a party', section: 'Parties' },
  'add-event': { label: 'Add a timeline event', section: 'Timeline' },
  'add-task': { label: 'Add a task', section: 'Tasks' },
  'add-note': { label: 'Add a note', section: 'Notes' },
} as const
export type CaseRequest = keyof typeof CASE_REQUESTS

/**
 * Handles a pending request once the component that can answer it is on screen and `ready` (the case
 * pane first switches to the request's section, which mounts it), then clears it.
 */
export function useCaseRequest(request: CaseRequest, handle: () => void, ready = true): void {
  const pending = useWorkspaceUi((state) => state.caseRequest)
  useEffect(() => {
    if (!ready || pending?.request !== request) return
    useWorkspaceUi.getState().clearCaseRequest()
    handle()
  }, [pending, request, handle, ready])
}
