import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'

/**
 * A zip written as a stream: each entry is added whole (compressed, or stored as it is for files
 * that are already compressed or must stay byte-identical) and its bytes go to `onChunk` at once.
 * Every entry carries the same timestamp, so the same content gives the same zip.
 */
export function createZipStream(modifiedAt: string, onChunk: (chunk: Uint8Array, final: boolean) => void) {
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error
    onChunk(chunk, final)
  })
  const mtime = new Date(modifiedAt)
  return {
    add(path: string, bytes: Uint8Array, compress: boolean) {
      const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path)
      entry.mtime = mtime
      zip.add(entry)
      entry.push(bytes, true)
    },
    end: () => zip.end(),
  }
}
