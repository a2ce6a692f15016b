import type { WorkstationDatabase } from '@db/database'
import { platform } from '@platform'
import { liveQuery } from 'dexie'
import { reportSyncState } from './sync-state'
import type { FromSyncWorker, ToSyncWorker } from './sync-worker-messages'

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

/** Carries one of the worker's requests to the host and its answer back. */
async function carry(message: Extract<FromSyncWorker, { type: 'request' }>): Promise<void> {
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

/** What wakes the worker: coming online or going offline, the server's notices, a poll, local changes. */
function startTriggers(db: WorkstationDatabase): () => void {
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
  return () => {
    window.removeEventListener('online', online)
    window.removeEventListener('offline', offline)
    clearInterval(poll)
    stopNotices()
    clearTimeout(pushSoon)
    outbox.unsubscribe()
  }
}

/** Starts the sync worker over the database for this workstation's client id, and what wakes it. */
export function startSyncWorker(db: WorkstationDatabase, clientId: string): void {
  if (worker) return
  worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<FromSyncWorker>) => {
    const message = event.data
    if (message.type === 'state') reportSyncState(message.state)
    else void carry(message)
  }
  tell({ type: 'start', databaseName: db.name, clientId, online: navigator.onLine })
  stopTriggers = startTriggers(db)
}

/** Stops the worker and its triggers. */
export function stopSyncWorker(): void {
  stopTriggers?.()
  stopTriggers = null
  worker?.terminate()
  worker = null
  reportSyncState(null)
}

/** Syncs at once (the analyst asked, or a refused change was retried). */
export const syncNow = () => tell({ type: 'syncNow' })
