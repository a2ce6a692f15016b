import { DEMO_ACTOR, DEMO_TAG, generateDemoCases } from '@shared/demo/generate'
import type { CaseFile } from '@shared/domain'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { everyTable, type WorkstationDatabase } from '../database'
import { CASE_RECORD_TABLES } from '../schema'
import { guardStorage } from '../storage'
import { storeCaseFiles } from './case-files'
import { createSettingsRepository } from './settings'

/** Removes every demo case with all its records, and evidence bytes nothing else cites. */
export function removeDemoCases(db: WorkstationDatabase): Promise<number> {
  return guardStorage(() =>
    db.transaction('rw', everyTable(db), async () => {
      const ids = await db.cases.where('tags').equals(DEMO_TAG).primaryKeys()
      if (ids.length === 0) return 0
      const hashes = new Set(
        (await db.evidence.where('caseId').anyOf(ids).toArray()).map((item) => item.sha256),
      )
      for (const name of CASE_RECORD_TABLES) await db.table(name).where('caseId').anyOf(ids).delete()
      await db.cases.bulkDelete(ids)
      const stillCited = new Set(
        await db.evidence
          .where('sha256')
          .anyOf([...hashes])
          .keys(),
      )
      await db.evidenceBlobs.bulkDelete([...hashes].filter((hash) => !stillCited.has(hash)))
      return ids.length
    }),
  )
}

export interface DemoLoadProgress {
  loaded: number
  total: number
}

/**
 * Loads the demo dataset in batches (one transaction each, so memory stays bounded and progress can be
 * shown). Demo cases loaded before are replaced; numbering continues from this workstation's sequence.
 */
export async function loadDemoCases(
  db: WorkstationDatabase,
  options: { count: number; seed: number; now: string; batchSize?: number },
  onProgress: (progress: DemoLoadProgress) => void,
  isCancelled: () => boolean = () => false,
): Promise<{ loaded: number; cancelled: boolean }> {
  const settings = createSettingsRepository(db, () => options.now)
  await removeDemoCases(db)
  const hash = await createSha256Hasher()
  const batchSize = options.batchSize ?? 500
  const firstSequence = await settings.nextCaseSequence()
  let batch: CaseFile[] = []
  let blobs = new Map<string, Blob>()
  let loaded = 0

  const flush = async () => {
    const files = batch
    const batchBlobs = blobs
    batch = []
    blobs = new Map()
    await guardStorage(() =>
      db.transaction('rw', everyTable(db), async () => {
        await storeCaseFiles(
          db,
          settings,
          { caseFiles: files, evidenceBlobs: batchBlobs, replacedCaseIds: [] },
          {
            at: options.now,
            actor: DEMO_ACTOR,
            describe: (caseNumber) => `Loaded ${caseNumber} from the demo dataset`,
          },
        )
      }),
    )
    loaded += files.length
    onProgress({ loaded, total: options.count })
  }

  for (const demo of generateDemoCases({ ...options, firstSequence }, hash)) {
    batch.push(demo.caseFile)
    for (const file of demo.evidenceFiles)
      blobs.set(file.sha256, new Blob([file.bytes as Uint8Array<ArrayBuffer>]))
    if (batch.length >= batchSize) {
      await flush()
      if (isCancelled()) return { loaded, cancelled: true }
    }
  }
  if (batch.length) await flush()
  return { loaded, cancelled: false }
}
