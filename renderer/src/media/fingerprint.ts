import type { ImageCheck } from '@shared/formats/evidence/image-damage'
import type { FingerprintReply, FingerprintRequest } from './fingerprint-messages'

export interface Fingerprint {
  sha256: string
  detectedType: string
  size: number
  /** What the image check found in a photo; null for files it does not check. */
  imageCheck: ImageCheck | null
}

export class FingerprintCancelled extends Error {
  override name = 'FingerprintCancelled'
}

/**
 * SHA-256 and content type of a file, and the image check of a photo, computed in a Web Worker (one
 * per file, so cancelling is stopping that worker). Rejects with FingerprintCancelled when `signal`
 * aborts. `onChecking` is told when hashing is done and the picture is being checked.
 */
export function fingerprint(
  file: Blob,
  onProgress: (hashed: number, size: number) => void,
  signal?: AbortSignal,
  onChecking?: () => void,
): Promise<Fingerprint> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FingerprintCancelled('Cancelled'))
    const worker = new Worker(new URL('./fingerprint.worker.ts', import.meta.url), { type: 'module' })
    const stop = () => {
      worker.terminate()
      reject(new FingerprintCancelled('Cancelled'))
    }
    signal?.addEventListener('abort', stop, { once: true })
    const finish = () => {
      signal?.removeEventListener('abort', stop)
      worker.terminate()
    }
    worker.onmessage = (event: MessageEvent<FingerprintReply>) => {
      const reply = event.data
      if (reply.type === 'progress') return onProgress(reply.hashed, reply.size)
      if (reply.type === 'checking') return onChecking?.()
      finish()
      if (reply.type === 'done') resolve(reply)
      else reject(new Error(reply.message))
    }
    worker.onerror = (event) => {
      finish()
      reject(new Error(`Hashing stopped: ${event.message}`))
    }
    worker.postMessage({ file } satisfies FingerprintRequest)
  })
}
