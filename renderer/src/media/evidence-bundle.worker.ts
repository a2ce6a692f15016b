// Writes an evidence bundle off the UI thread: reading every file, the CRC of each zip entry and the
// zip itself take seconds for a case with videos, and the page keeps answering (and shows progress).
import { type EvidenceBundleInput, writeEvidenceBundle } from '@shared/formats/evidence/evidence-bundle'

export type EvidenceBundleRequest = Omit<EvidenceBundleInput, 'items'> & {
  items: Array<{ item: EvidenceBundleInput['items'][number]['item']; sourceName: string; blob: Blob }>
}
export type EvidenceBundleReply =
  /** Bytes read and written so far, of `total` (every file is read once and written once). */
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; zip: Blob }
  | { type: 'failed'; message: string }

const PROGRESS_EVERY_MS = 100

self.onmessage = async (event: MessageEvent<EvidenceBundleRequest>) => {
  const post = (reply: EvidenceBundleReply) => self.postMessage(reply)
  try {
    const { items, ...rest } = event.data
    const renderingBytes = rest.renderings.reduce((sum, rendering) => sum + rendering.png.length, 0)
    const total = 2 * items.reduce((sum, entry) => sum + entry.blob.size, 0) + renderingBytes
    let done = 0
    let reported = 0
    const report = (bytes: number) => {
      done += bytes
      if (performance.now() - reported < PROGRESS_EVERY_MS) return
      reported = performance.now()
      post({ type: 'progress', done: Math.min(done, total), total })
    }
    const entries: EvidenceBundleInput['items'] = []
    for (const { item, sourceName, blob } of items) {
      entries.push({ item, sourceName, bytes: new Uint8Array(await blob.arrayBuffer()) })
      report(blob.size)
    }
    const chunks: Uint8Array<ArrayBuffer>[] = []
    writeEvidenceBundle({ ...rest, items: entries }, (chunk) => {
      chunks.push(chunk as Uint8Array<ArrayBuffer>)
      report(chunk.length)
    })
    post({ type: 'done', zip: new Blob(chunks, { type: 'application/zip' }) })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
