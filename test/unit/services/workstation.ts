import type { TeamServerFiles, Workstation } from '@services/workstation'
import type { TestWorkstation } from '../fixtures/test-workstation'

/** A team server that is never reached (a test that expects no download). */
export const unreachableTeamServer: TeamServerFiles = {
  downloadBlob: () => Promise.reject(new Error('No team server in this test.')),
}

/** The test workstation as use cases take it, with the team server the test gives. */
export const asWorkstation = (
  ws: TestWorkstation,
  teamServer: TeamServerFiles = unreachableTeamServer,
): Workstation => ({ db: ws.db, repositories: ws.repositories, teamServer })

/** Records that the test workstation has joined a team server (as signing in does). */
export const joinTeamServer = (ws: TestWorkstation) =>
  ws.repositories.syncOutbox.join({
    serverUrl: 'https://team.example',
    user: { id: 'user-riley', username: 'riley', displayName: 'Riley Chen', role: 'analyst' },
    clientId: 'ws-test',
  })

/** A team server holding the given files, counting what was downloaded. */
export function teamServerHolding(files: ReadonlyMap<string, Uint8Array>) {
  const downloaded: string[] = []
  const teamServer: TeamServerFiles = {
    async downloadBlob(sha256) {
      downloaded.push(sha256)
      const bytes = files.get(sha256)
      if (!bytes) throw new Error('The team server does not have that file.')
      return bytes
    },
  }
  return { teamServer, downloaded }
}
