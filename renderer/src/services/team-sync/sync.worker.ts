/// <reference lib="webworker" />
// Runs the sync engine off the UI thread: pushing the outbox and merging pulled changes into the
// database never holds up typing or scrolling.

import { createWorkstationDatabase } from '@db/database'
import type { SyncEngine } from '@shared/protocol/sync/engine'
import type { FromSyncWorker, ToSyncWorker } from './sync-worker-messages'
import { createWorkstationSyncEngine } from './workstation-sync-engine'

let engine: SyncEngine | null = null
let nextRequestId = 1
const waiting = new Map<number, { resolve(body: unknown): void; reject(error: Error): void }>()

const send = (message: FromSyncWorker) => self.postMessage(message)

function viaPage(operation: 'push' | 'pull' | 'uploadBlob', body: never): Promise<unknown> {
  const requestId = nextRequestId++
  return new Promise((resolve, reject) => {
    waiting.set(requestId, { resolve, reject })
    send({ type: 'request', requestId, operation, body } as FromSyncWorker)
  })
}

self.onmessage = (event: MessageEvent<ToSyncWorker>) => {
  const message = event.data
  if (message.type === 'start') {
    // Its own connection, without the capture the page's has: pulled changes are not sent back.
    const db = createWorkstationDatabase(message.databaseName)
    engine = createWorkstationSyncEngine(db, message.clientId, {
      transport: {
        push: (request) => viaPage('push', request as never),
        pull: (request) => viaPage('pull', request as never),
      },
      setTimer: (run, ms) => {
        const timer = setTimeout(run, ms)
        return () => clearTimeout(timer)
      },
      onState: (state) => send({ type: 'state', state }),
      uploadBlob: async (sha256, bytes) => {
        await viaPage('uploadBlob', { sha256, bytes } as never)
      },
    })
    void engine.setOnline(message.online)
  } else if (message.type === 'syncNow') void engine?.syncNow()
  else if (message.type === 'online') void engine?.setOnline(message.online)
  else {
    const pending = waiting.get(message.requestId)
    waiting.delete(message.requestId)
    if (message.ok) pending?.resolve(message.body)
    else pending?.reject(new Error(message.message))
  }
}
