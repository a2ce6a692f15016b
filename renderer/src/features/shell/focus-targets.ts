/** Elements that shortcuts move the keyboard focus to, by id. */
export const SEARCH_INPUT_ID = 'case-search'
export const QUEUE_GRID_ID = 'case-queue'

/** "/", the Find menu item and the command palette all land here. */
export const focusCaseSearch = () => document.getElementById(SEARCH_INPUT_ID)?.focus()
export const focusQueue = () => document.getElementById(QUEUE_GRID_ID)?.focus()
