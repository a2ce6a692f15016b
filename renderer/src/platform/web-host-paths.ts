/**
 * Where the web host's page reaches its local host process: the page (web-host.ts) asks at these
 * paths and the process (renderer/web-host) answers them. Plain constants, so the Node process can
 * import this file from the renderer's tree.
 */

/** "report:print". */
export const WEB_HOST_PRINT_PATH = '/api/report-print'

/** "sync:*" (the channel's name after it). */
export const WEB_HOST_SYNC_PATH = '/api/sync/'

/** Evidence bytes sent and fetched (the SHA-256 after it). */
export const WEB_HOST_BLOB_PATH = `${WEB_HOST_SYNC_PATH}blob/`

/** "sync:changed", as server-sent events. */
export const WEB_HOST_SYNC_EVENTS_PATH = `${WEB_HOST_SYNC_PATH}events`
