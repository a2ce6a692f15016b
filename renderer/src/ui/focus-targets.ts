/** Elements that shortcuts move the keyboard focus to, by id. */
export const SEARCH_INPUT_ID = 'case-search'
export const QUEUE_GRID_ID = 'case-queue'
export const CASE_PANE_ID = 'case-pane'
export const EVIDENCE_PANE_ID = 'evidence-pane'

/** "/", the Find menu item and the command palette all land here. */
export const focusCaseSearch = () => document.getElementById(SEARCH_INPUT_ID)?.focus()
export const focusQueue = () => document.getElementById(QUEUE_GRID_ID)?.focus()

/** Into the open case at its current tab (as Enter from the queue does), else the case pane itself. */
export function focusCasePane(): void {
  const pane = document.getElementById(CASE_PANE_ID)
  const tab = pane?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
  ;(tab ?? pane)?.focus()
}

export const focusEvidencePane = () => document.getElementById(EVIDENCE_PANE_ID)?.focus()

/**
 * After a dialog closes whose opener is gone (the empty queue's "Load demo data…" once the demo is
 * in), the focus would fall to the page: the queue takes it, so j and k work at once. Waits a frame
 * for the dialog to leave the page.
 */
export const focusQueueIfFocusLost = () =>
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (!active || active === document.body || !active.isConnected) focusQueue()
  })
