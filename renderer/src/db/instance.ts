import { createWorkstationDatabase, DEFAULT_DATABASE_NAME } from './database'
import { createSyncCapture } from './middleware/sync-capture'
import { createRepositories } from './repositories'

/**
 * Whether this workstation has joined a team server is mirrored in localStorage so that capture is
 * on before the first write of the session, without waiting for the database to answer.
 */
export const JOINED_CLIENT_KEY = `crw-sync-client:${DEFAULT_DATABASE_NAME}`
export const syncCapture = createSyncCapture()
const joined = globalThis.localStorage?.getItem(JOINED_CLIENT_KEY)
if (joined) syncCapture.start(joined)

/** The app's own database and repositories. Tests build their own over a fresh database. */
export const db = createWorkstationDatabase(DEFAULT_DATABASE_NAME, { capture: syncCapture })
export const repositories = createRepositories(db)
