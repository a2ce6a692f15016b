/**
 * Random access to a bundle's bytes. The readers ask for one bounded piece at a time, so the same
 * code reads a zip held in memory, a File in the renderer, or a file handle in Node — including
 * bundles over 2 GiB, which cannot be held in one buffer.
 */
export interface BundleSource {
  readonly size: number
  /** The `length` bytes at `offset`; fewer only where the file ends. */
  read(offset: number, length: number): Promise<Uint8Array>
}

/** A zip already in memory: reads are views of it, never copies. */
export function bytesSource(bytes: Uint8Array): BundleSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  }
}

export const asBundleSource = (bundle: Uint8Array | BundleSource): BundleSource =>
  bundle instanceof Uint8Array ? bytesSource(bundle) : bundle

/** A reason a bundle is not read, worded for the analyst; the readers turn it into their answer. */
export class BundleRefusal extends Error {}

/** Exactly `length` bytes at `offset`, or a refusal: a file that ends early is truncated. */
export async function readExactly(source: BundleSource, offset: number, length: number): Promise<Uint8Array> {
  const bytes = offset + length <= source.size ? await source.read(offset, length) : new Uint8Array(0)
  if (bytes.byteLength !== length) {
    throw new BundleRefusal('The bundle ends early (it may be truncated or damaged); it was refused.')
  }
  return bytes
}
