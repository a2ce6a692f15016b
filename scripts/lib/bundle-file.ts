import { open } from 'node:fs/promises'
import type { BundleSource } from '@shared/formats/bundle/bundle-source'

export interface BundleFile extends BundleSource {
  close(): Promise<void>
}

/**
 * A bundle on disk, read a piece at a time through one file handle: the readers never ask for the
 * whole file, so bundles over 2 GiB (more than one Node buffer holds) are read too.
 */
export async function openBundleFile(path: string): Promise<BundleFile> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    return {
      size,
      async read(offset, length) {
        const bytes = new Uint8Array(Math.max(0, Math.min(length, size - offset)))
        let filled = 0
        while (filled < bytes.byteLength) {
          const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, offset + filled)
          if (bytesRead === 0) break
          filled += bytesRead
        }
        return bytes.subarray(0, filled)
      },
      close: () => handle.close(),
    }
  } catch (error) {
    await handle.close()
    throw error
  }
}
