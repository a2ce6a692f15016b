import { createSHA256 } from 'hash-wasm'

export type HashBytes = (bytes: Uint8Array) => string

/**
 * A synchronous SHA-256 over whole byte arrays (hex, lowercase), built on hash-wasm so the same code
 * runs in Node, in the renderer and in workers. Large files are hashed incrementally elsewhere.
 */
export async function createSha256Hasher(): Promise<HashBytes> {
  const hasher = await createSHA256()
  return (bytes) => hasher.init().update(bytes).digest('hex')
}
