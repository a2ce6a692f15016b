// Hashes an evidence file (SHA-256, streamed in chunks, never whole in memory) and detects its type
// from its first bytes, off the UI thread. Progress is posted as the bytes go through. A photo is
// then checked: its structure read to the end and decoded (image-check.ts).

import { CONTENT_TYPE_HEAD_BYTES, detectContentType } from '@shared/formats/evidence/content-type'
import { fileTypeFromBuffer } from 'file-type'
import { createSHA256 } from 'hash-wasm'
import type { FingerprintReply, FingerprintRequest } from './fingerprint-messages'
import { checkImageFile } from './image-check'

const PROGRESS_EVERY_MS = 100

self.onmessage = async (event: MessageEvent<FingerprintRequest>) => {
  const post = (reply: FingerprintReply) => self.postMessage(reply)
  try {
    const file = event.data.file
    const head = new Uint8Array(await file.slice(0, CONTENT_TYPE_HEAD_BYTES).arrayBuffer())
    const signature = await fileTypeFromBuffer(head).catch(() => undefined)
    const detectedType = detectContentType(head, signature?.mime)
    const hasher = await createSHA256()
    hasher.init()
    const reader = file.stream().getReader()
    let hashed = 0
    let reported = performance.now()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      hasher.update(value)
      hashed += value.byteLength
      if (performance.now() - reported > PROGRESS_EVERY_MS) {
        reported = performance.now()
        post({ type: 'progress', hashed, size: file.size })
      }
    }
    const sha256 = hasher.digest('hex')
    post({ type: 'checking' })
    // A check that cannot run (memory) leaves the photo unchecked: it is checked again when viewed.
    const imageCheck = await checkImageFile(file, detectedType).catch(() => null)
    post({ type: 'done', sha256, detectedType, size: hashed, imageCheck })
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
