import { db, JOINED_CLIENT_KEY, repositories, syncCapture } from '@db/instance'
import { platform } from '@platform'
import type { SyncState } from '@shared/protocol/sync/engine'
import type { SignInToServer } from '@shared/protocol/sync/gateway'
import { liveQuery } from 'dexie'
import { create } from 'zustand'
import type { FromSyncWorker, ToSyncWorker } from './sync-worker-messages'

/** The sync engine's last reported state, for the top bar and Settings (UI state only). */
export const useSyncState = create<{ state: SyncState | null }>(() => ({ state: null }))

/**
 * How often to look for others' changes when no notice came: the server's WebSocket tells the host
 * at once, so this only covers a notice lost with a dropped connection.
 */
const POLL_MS = 5 * 60_000
/** How long after a local change to push it (edits in a burst go together). */
const PUSH_DELAY_MS = 1_000

let worker: Worker | null = null
let stopTriggers: (() => void) | null = null

const tell = (message: ToSyncWorker) => worker?.postMessage(message)

/** Starts the sync worker for this workstation and the triggers that wake it. */
function startWorker(clientId: string): void {
  if (worker) return
  worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = async (event: MessageEvent<FromSyncWorker>) => {
    const message = event.data
    if (message.type === 'state') {
      useSyncState.setState({ state: message.state })
      return
    }
    try {
      const body =
        message.operation === 'push'
          ? await platform.teamServer.push(message.body)
          : message.operation === 'pull'
            ? await platform.teamServer.pull(message.body)
            : await platform.teamServer.uploadBlob(message.body.sha256, message.body.bytes)
      tell({ type: 'answer', requestId: message.requestId, ok: true, body })
    } catch (error) {
      tell({
        type: 'answer',
        requestId: message.requestId,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }
  tell({ type: 'start', databaseName: db.name, clientId, online: navigator.onLine })
  // Evidence that arrived from the team server has its bytes fetched the first time it is opened.
  repositories.evidence.setMissingBlobSource((sha256) => platform.teamServer.downloadBlob(sha256))

  const online = () => tell({ type: 'online', online: true })
  const offline = () => tell({ type: 'online', online: false })
  window.addEventListener('online', online)
  window.addEventListener('offline', offline)
  const poll = setInterval(() => tell({ type: 'syncNow' }), POLL_MS)
  const stopNotices = platform.teamServer.onChanged(() => tell({ type: 'syncNow' }))
  // A local change is pushed a moment later; the first answer is the current count, not a change.
  let pushSoon: ReturnType<typeof setTimeout> | undefined
  let seen: number | null = null
  const outbox = liveQuery(() => db.syncOutbox.where('state').equals('pending').count()).subscribe(
    (count) => {
      if (seen !== null && count > 0) {
        clearTimeout(pushSoon)
        pushSoon = setTimeout(() => tell({ type: 'syncNow' }), PUSH_DELAY_MS)
      }
      seen = count
    },
  )
  stopTriggers = () => {
    window.removeEventListener('online', online)
    window.removeEventListener('offline', offline)
    clearInterval(poll)
    stopNotices()
    clearTimeout(pushSoon)
    outbox.unsubscribe()
  }
}

function stopWorker(): void {
  repositories.evidence.setMissingBlobSource(null)
  stopTriggers?.()
  stopTriggers = null
  worker?.terminate()
  worker = null
  useSyncState.setState({ state: null })
}

/** At start-up: resumes syncing when this workstation has joined a team server. */
export async function resumeTeamSync(): Promise<void> {
  const joined = await repositories.syncOutbox.joined()
  if (!joined) return
  syncCapture.start(joined.clientId)
  await repositories.reportText.startSending()
  startWorker(joined.clientId)
}

/**
 * Signs in to a team server: the host keeps the token; this workstation records the server, works
 * as the signed-in user from now on (every change is recorded under that name) and starts syncing.
 */
export async function signInToTeamServer(request: SignInToServer): Promise<void> {
  const session = await platform.teamServer.signIn(request)
  const clientId = await repositories.syncOutbox.clientId(session.user.id)
  await repositories.syncOutbox.join({ serverUrl: session.serverUrl, user: session.user, clientId })
  localStorage.setItem(JOINED_CLIENT_KEY, clientId)
  syncCapture.start(clientId)
  await repositories.reportText.startSending()
  const user = { id: session.user.id, name: session.user.displayName }
  await repositories.settings.saveAnalyst(user)
  stopWorker()
  startWorker(clientId)
}

/** Signs out: later changes stay here; what waits in the outbox is kept for the next sign-in. */
export async function signOutOfTeamServer(): Promise<void> {
  await platform.teamServer.signOut()
  syncCapture.stop()
  localStorage.removeItem(JOINED_CLIENT_KEY)
  await repositories.syncOutbox.leave()
  stopWorker()
}

export const syncNow = () => tell({ type: 'syncNow' })
