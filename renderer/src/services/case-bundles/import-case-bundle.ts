import type { ImportSummary } from '@db/repositories/case-files'
import type { Actor } from '@shared/domain'
import { readCaseBundle } from '@shared/formats/bundle/read'
import type { Workstation } from '../workstation'

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: string }

/** Reads, checks and imports a case bundle; any problem imports nothing and says why. */
export async function importCaseBundle(
  { repositories }: Workstation,
  bytes: Uint8Array,
  actor: Actor,
): Promise<ImportOutcome> {
  const read = await readCaseBundle(bytes)
  if (!read.ok) return read
  try {
    return { ok: true, summary: await repositories.caseFiles.importCaseFiles(read.bundle, actor) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
