import { createWorkstationDatabase } from './database'
import { createRepositories } from './repositories'

/** The app's own database and repositories. Tests build their own over a fresh database. */
export const db = createWorkstationDatabase()
export const repositories = createRepositories(db)
