import type { Actor } from '@shared/domain'
import { writeCaseBundle } from '@shared/formats/bundle/write'
import { readEvidenceFile } from '../evidence-files/read-evidence-file'
import type { Workstation } from '../workstation'

/**
 * Writes the given cases, with their evidence, as a case bundle zip. Evidence synced from the team
 * server whose bytes are not here yet has them fetched first, so the bundle carries every file.
 */
export async function exportCaseBundle(
  workstation: Workstation,
  caseIds: readonly string[],
  actor: Actor,
  appVersion: string,
): Promise<Uint8Array> {
  const { caseFiles, evidenceFiles } = await workstation.repositories.caseFiles.exportCaseFiles(caseIds)
  const cited = new Set(caseFiles.flatMap((file) => file.evidence.map((item) => item.sha256)))
  for (const sha256 of cited) {
    if (evidenceFiles.has(sha256)) continue
    const blob = await readEvidenceFile(workstation, sha256)
    if (blob) evidenceFiles.set(sha256, new Uint8Array(await blob.arrayBuffer()))
  }
  return writeCaseBundle({
    caseFiles,
    evidenceFiles,
    exportedAt: new Date().toISOString(),
    exportedBy: actor,
    appVersion,
  })
}
