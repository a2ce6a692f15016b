import type { WorkstationDatabase } from '@db/database'
import type { Repositories } from '@db/repositories'

/** What use cases ask of the team server directly (the sync worker carries the rest). */
export interface TeamServerFiles {
  /** Evidence bytes by SHA-256, through the host (which holds the session). */
  downloadBlob(sha256: string): Promise<Uint8Array>
}

/**
 * What a use case works on: a workstation's database and repositories, and its team server. The
 * app passes its own (`thisWorkstation`); tests pass one over a fresh database.
 */
export interface Workstation {
  db: WorkstationDatabase
  repositories: Repositories
  teamServer: TeamServerFiles
}
