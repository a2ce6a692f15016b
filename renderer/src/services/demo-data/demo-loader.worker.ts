/// <reference lib="webworker" />
// Generates and stores the demo dataset off the UI thread.
import { createWorkstationDatabase } from '@db/database'
import { loadDemoCases } from '@db/repositories/demo-data'
import type { DemoLoaderReply, DemoLoaderRequest } from './demo-loader-messages'

// jpeg-js (the demo photos' encoder) hands its output to Node's Buffer.from when bundled as CommonJS.
const scope = globalThis as unknown as { Buffer?: { from(bytes: ArrayLike<number>): Uint8Array } }
scope.Buffer ??= { from: (bytes) => Uint8Array.from(bytes) }

let cancelled = false

self.onmessage = async (event: MessageEvent<DemoLoaderRequest>) => {
  const request = event.data
  if (request.type === 'cancel') {
    cancelled = true
    return
  }
  const db = createWorkstationDatabase(request.databaseName)
  const reply = (message: DemoLoaderReply) => self.postMessage(message)
  try {
    const result = await loadDemoCases(
      db,
      { count: request.count, seed: request.seed, now: request.now },
      (progress) => reply({ type: 'progress', ...progress }),
      () => cancelled,
    )
    reply({ type: 'done', ...result })
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}
