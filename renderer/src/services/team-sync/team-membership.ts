import type { SyncCapture } from '@db/middleware/sync-capture'
import type { SyncSession } from '@shared/protocol/sync/gateway'
import type { Workstation } from '../workstation'

/**
 * Joins the team server the analyst signed in to: the workstation records the server, works as the
 * signed-in user from now on (every change is recorded under that name) and captures its changes
 * for the outbox. Answers this workstation's client id for that account.
 */
export async function joinTeamServer(
  { repositories }: Workstation,
  capture: SyncCapture,
  session: Pick<SyncSession, 'serverUrl' | 'user'>,
): Promise<string> {
  const clientId = await repositories.syncOutbox.clientId(session.user.id)
  await repositories.syncOutbox.join({ serverUrl: session.serverUrl, user: session.user, clientId })
  capture.start(clientId)
  await repositories.reportText.startSending()
  await repositories.settings.saveAnalyst({ id: session.user.id, name: session.user.displayName })
  return clientId
}

/**
 * Picks membership back up at start-up; the client id, or null when this workstation has joined no
 * team server.
 */
export async function resumeTeamMembership(
  { repositories }: Workstation,
  capture: SyncCapture,
): Promise<string | null> {
  const joined = await repositories.syncOutbox.joined()
  if (!joined) return null
  capture.start(joined.clientId)
  await repositories.reportText.startSending()
  return joined.clientId
}

/** Leaves the team server: later changes stay here; what waits in the outbox is kept for the next sign-in. */
export async function leaveTeamServer({ repositories }: Workstation, capture: SyncCapture): Promise<void> {
  capture.stop()
  await repositories.syncOutbox.leave()
}
