import { DEMO_ACTOR, DEMO_TAG, generateDemoCases } from '../../../../shared/demo/generate'
import type { AuditEntry, CaseFile } from '../../../../shared/domain'
import { createSha256Hasher } from '../../../../shared/hashing/sha256'
import { CASE_RECORD_TABLES, type WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { storeCaseFiles } from './case-files'
import { createSettingsRepository } from './settings'

const allTables = (db: WorkstationDatabase) => [
  db.cases,
  db.evidenceBlobs,
  db.settings,
  ...CASE_RECORD_TABLES.map((name) => db.table(name)),
]

/** Removes every demo case with all its records, and evidence bytes nothing else cites. */
export function removeDemoCases(db: WorkstationDatabase): Promise<number> {
  return guardStorage(() =>
    db.transaction('rw', allTables(db), async () => {
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
      db.transaction('rw', allTables(db), async () => {
        const highest = await storeCaseFiles(db, files, batchBlobs, [])
        await db.auditEntries.bulkAdd(
          files.map(
            (file): AuditEntry => ({
              id: crypto.randomUUID(),
              caseId: file.case.id,
              entity: 'case',
              entityId: file.case.id,
              action: 'import',
              at: options.now,
              actor: DEMO_ACTOR,
              changes: [],
              summary: `Loaded ${file.case.caseNumber} from the demo dataset`,
            }),
          ),
        )
        await settings.advanceCaseSequence(highest + 1)
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
