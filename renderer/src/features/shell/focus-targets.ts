/** Elements that shortcuts move the keyboard focus to, by id. */
export const SEARCH_INPUT_ID = 'case-search'
export const QUEUE_GRID_ID = 'case-queue'
