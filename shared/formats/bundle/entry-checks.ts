import { formatBytes } from '../../byte-size'
import { BundleRefusal } from './bundle-source'
import { displayEntryName, isSafeEntryName } from './entry-names'
import type { ZipEntry } from './zip-directory'

export interface EntryLimits {
  /** The largest declared uncompressed size accepted for an entry of this name. */
  sizeLimit(name: string): number
  /** The largest declared uncompressed size of all entries together. */
  maxTotalBytes: number
}

export interface CheckedEntries {
  byName: Map<string, ZipEntry>
  /** The first name two entries share, refused by `refuseDuplicate` once the manifest is read. */
  duplicated: string | null
}

/**
 * Checks every entry from the zip's directory alone, before any is inflated: names stay inside the
 * bundle, declared sizes are within the limits. Answers the entries by name and the first name two
 * entries share: the reader refuses it before inflating anything but the manifest, whose own
 * account of a doubled entry (a case listed twice) says more.
 */
export function checkEntries(entries: readonly ZipEntry[], limits: EntryLimits): CheckedEntries {
  const byName = new Map<string, ZipEntry>()
  let duplicated: string | null = null
  let total = 0
  for (const entry of entries) {
    if (!isSafeEntryName(entry.name)) {
      throw new BundleRefusal(
        `The bundle contains an entry named "${displayEntryName(entry.name)}" that points outside the bundle; it was refused.`,
      )
    }
    if (byName.has(entry.name)) duplicated ??= entry.name
    else byName.set(entry.name, entry)
    const limit = limits.sizeLimit(entry.name)
    if (entry.size > limit) {
      throw new BundleRefusal(
        `${displayEntryName(entry.name)} is ${formatBytes(entry.size)} uncompressed, over the ${formatBytes(limit)} limit; it was refused.`,
      )
    }
    total += entry.size
    if (total > limits.maxTotalBytes) {
      throw new BundleRefusal(
        `The bundle unpacks to more than ${formatBytes(limits.maxTotalBytes)}; it was refused.`,
      )
    }
  }
  return { byName, duplicated }
}

export function refuseDuplicate(name: string | null): void {
  if (name !== null) {
    throw new BundleRefusal(
      `The bundle contains two entries named "${displayEntryName(name)}"; it was refused.`,
    )
  }
}

/** Refuses a bundle holding anything its manifest does not list: nothing unlisted is inflated. */
export function refuseUnlisted(
  names: Iterable<string>,
  isListed: (name: string) => boolean,
  manifestPath: string,
): void {
  let unlisted = 0
  let first = ''
  for (const name of names) {
    if (isListed(name)) continue
    if (unlisted === 0) first = displayEntryName(name)
    unlisted++
  }
  if (unlisted === 1) {
    throw new BundleRefusal(
      `The bundle contains "${first}", which ${manifestPath} does not list; it was refused.`,
    )
  }
  if (unlisted > 1) {
    throw new BundleRefusal(
      `The bundle contains ${unlisted.toLocaleString('en-US')} entries that ${manifestPath} does not list (the first is "${first}"); it was refused.`,
    )
  }
}
