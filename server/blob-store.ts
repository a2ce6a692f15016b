import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export const SHA256_PATTERN = /^[0-9a-f]{64}$/

export class BlobHashMismatchError extends Error {
  override name = 'BlobHashMismatchError'
}

/**
 * Evidence bytes on disk, one file per SHA-256 (blobs/ab/cd/<hash>). A file is written under a
 * temporary name while its hash is computed and renamed into place only when the hash matches, so
 * a stored blob is always the bytes its name says.
 */
export function createBlobStore(directory: string) {
  const pathOf = (sha256: string) => join(directory, sha256.slice(0, 2), sha256.slice(2, 4), sha256)
  return {
    async has(sha256: string): Promise<boolean> {
      return stat(pathOf(sha256)).then(
        () => true,
        () => false,
      )
    },
    /** Stores the stream if its bytes hash to `sha256`; throws BlobHashMismatchError otherwise. */
    async put(sha256: string, bytes: Readable): Promise<void> {
      const target = pathOf(sha256)
      await mkdir(join(directory, 'incoming'), { recursive: true })
      const incoming = join(directory, 'incoming', randomUUID())
      const hash = createHash('sha256')
      bytes.on('data', (chunk: Buffer) => hash.update(chunk))
      try {
        await pipeline(bytes, createWriteStream(incoming))
        if (hash.digest('hex') !== sha256)
          throw new BlobHashMismatchError('The bytes do not match their SHA-256: nothing was stored.')
        await mkdir(join(target, '..'), { recursive: true })
        await rename(incoming, target)
      } finally {
        await rm(incoming, { force: true })
      }
    },
    async size(sha256: string): Promise<number> {
      return (await stat(pathOf(sha256))).size
    },
    read: (sha256: string): Readable => createReadStream(pathOf(sha256)),
  }
}
export type BlobStore = ReturnType<typeof createBlobStore>
