import { JOINED_CLIENT_KEY, syncCapture } from '@db/instance'
import { platform } from '@platform'
import type { SignInToServer } from '@shared/protocol/sync/gateway'
import { thisWorkstation } from '../this-workstation'
import { startSyncWorker, stopSyncWorker } from './sync-worker-client'
import { joinTeamServer, leaveTeamServer, resumeTeamMembership } from './team-membership'

// Team sync is this workstation's own: one worker over the app's database, one capture of its writes.

/** At start-up: resumes syncing when this workstation has joined a team server. */
export async function resumeTeamSync(): Promise<void> {
  const clientId = await resumeTeamMembership(thisWorkstation, syncCapture)
  if (clientId) startSyncWorker(thisWorkstation.db, clientId)
}

/**
 * Signs in to a team server: the host keeps the token; this workstation records the server, works
 * as the signed-in user from now on (every change is recorded under that name) and starts syncing.
 */
export async function signInToTeamServer(request: SignInToServer): Promise<void> {
  const session = await platform.teamServer.signIn(request)
  const clientId = await joinTeamServer(thisWorkstation, syncCapture, session)
  // Mirrored so that capture is on before the first write of the next session (see db/instance).
  localStorage.setItem(JOINED_CLIENT_KEY, clientId)
  stopSyncWorker()
  startSyncWorker(thisWorkstation.db, clientId)
}

/** Signs out: later changes stay here; what waits in the outbox is kept for the next sign-in. */
export async function signOutOfTeamServer(): Promise<void> {
  await platform.teamServer.signOut()
  await leaveTeamServer(thisWorkstation, syncCapture)
  localStorage.removeItem(JOINED_CLIENT_KEY)
  stopSyncWorker()
}
