import type { Workstation } from '../workstation'
import type { DemoLoaderReply, DemoLoaderRequest } from './demo-loader-messages'

/**
 * Loads the demo dataset in a Web Worker, so the queue stays responsive while 100,000 cases are
 * generated and stored. Cancelling stops after the current batch; what was loaded stays.
 */
export function loadDemoData(
  { db }: Workstation,
  options: { count: number; seed: number },
  hooks: { onProgress(loaded: number, total: number): void; signal?: AbortSignal },
): Promise<{ loaded: number; cancelled: boolean }> {
  const worker = new Worker(new URL('./demo-loader.worker.ts', import.meta.url), { type: 'module' })
  return new Promise((resolve, reject) => {
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies DemoLoaderRequest)
    hooks.signal?.addEventListener('abort', cancel, { once: true })
    const finish = () => {
      hooks.signal?.removeEventListener('abort', cancel)
      worker.terminate()
    }
    worker.onmessage = (event: MessageEvent<DemoLoaderReply>) => {
      const reply = event.data
      if (reply.type === 'progress') hooks.onProgress(reply.loaded, reply.total)
      else if (reply.type === 'done') {
        finish()
        resolve({ loaded: reply.loaded, cancelled: reply.cancelled })
      } else {
        finish()
        reject(new Error(reply.message))
      }
    }
    worker.onerror = (event) => {
      finish()
      reject(new Error(`The demo data loader stopped: ${event.message}`))
    }
    worker.postMessage({
      type: 'load',
      databaseName: db.name,
      count: options.count,
      seed: options.seed,
      now: new Date().toISOString(),
    } satisfies DemoLoaderRequest)
  })
}
