import { createSha256Hasher } from '@shared/hashing/sha256'
import type { Workstation } from '../workstation'

/**
 * The bytes of an evidence file, by its SHA-256. Evidence synced from the team server arrives
 * without them: when they are not here and this workstation has joined a team server, they are
 * downloaded through the host, checked against the hash and kept, so later reads are local.
 * Undefined when they are neither here nor to be had from a team server; rejects when the download
 * fails or the bytes do not match.
 */
export async function readEvidenceFile(workstation: Workstation, sha256: string): Promise<Blob | undefined> {
  const { repositories, teamServer } = workstation
  const stored = await repositories.evidence.getBlob(sha256)
  if (stored || !(await repositories.syncOutbox.joined())) return stored
  const bytes = await teamServer.downloadBlob(sha256)
  // The host checks the hash too; these bytes become evidence here, so they are checked again.
  if ((await createSha256Hasher())(bytes) !== sha256)
    throw new Error('The file from the team server does not match its recorded SHA-256; it was not kept.')
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>])
  await repositories.evidence.keepBlob(sha256, blob)
  return blob
}
