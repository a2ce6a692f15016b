import type { EvidenceBundleReply, EvidenceBundleRequest } from '@media/evidence-bundle.worker'

/** Packs the bundle in a worker, reporting the share of bytes read and written. */
export function packEvidenceBundle(
  request: EvidenceBundleRequest,
  onProgress: (share: number) => void,
): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../media/evidence-bundle.worker.ts', import.meta.url), {
      type: 'module',
    })
    worker.onmessage = (event: MessageEvent<EvidenceBundleReply>) => {
      const reply = event.data
      if (reply.type === 'progress') return onProgress(reply.total ? reply.done / reply.total : 1)
      worker.terminate()
      if (reply.type === 'done') resolve(reply.zip)
      else reject(new Error(reply.message))
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(`Packing stopped: ${event.message}`))
    }
    worker.postMessage(request)
  })
}
