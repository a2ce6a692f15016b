import { type Actor, type AuditEntry, type CaseFile, emptyCaseFile, parseCaseNumber } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { caseSlaInstants } from '@shared/rules/sla/case-sla'
import { everyTable, type WorkstationDatabase } from '../database'
import { withoutDerivedFields } from '../middleware/derived-fields'
import { CASE_RECORD_TABLES, type CaseRecordTable } from '../schema'
import { guardStorage } from '../storage'
import type { SettingsRepository } from './settings'

/** Which CaseFile list each per-case table fills. */
const CASE_FILE_KEYS: Record<CaseRecordTable, Exclude<keyof CaseFile, 'case'>> = {
  parties: 'parties',
  timelineEvents: 'timeline',
  tasks: 'tasks',
  notes: 'notes',
  communications: 'communications',
  evidence: 'evidence',
  custodyEvents: 'custody',
  annotations: 'annotations',
  determinations: 'determinations',
  orders: 'orders',
  contactAttempts: 'contactAttempts',
  claims: 'claims',
  reports: 'reports',
  reportVersions: 'reportVersions',
  auditEntries: 'audit',
}

export interface ImportSummary {
  added: number
  updated: number
  unchanged: number
  evidenceFiles: number
}

export class ImportRejectedError extends Error {
  override name = 'ImportRejectedError'
}

/** Who brought whole case files in, when, and how the audit trail should say it. */
export interface CaseFileArrival {
  at: string
  actor: Actor
  describe(caseNumber: string): string
}

/**
 * Writes whole case files (the case, its SLA re-timed here, and every record of it) with bulk operations, records their
 * arrival in the audit trail and moves this workstation's case numbering past them. Must run inside
 * a transaction over every table; replaced cases lose their old records except the audit trail,
 * which is append-only and keeps the union.
 */
export async function storeCaseFiles(
  db: WorkstationDatabase,
  settings: SettingsRepository,
  input: {
    caseFiles: readonly CaseFile[]
    evidenceBlobs: ReadonlyMap<string, Blob>
    replacedCaseIds: readonly string[]
  },
  arrival: CaseFileArrival,
): Promise<void> {
  const { caseFiles, evidenceBlobs, replacedCaseIds } = input
  if (replacedCaseIds.length) {
    for (const name of CASE_RECORD_TABLES) {
      if (name !== 'auditEntries') await db.table(name).where('caseId').anyOf(replacedCaseIds).delete()
    }
  }
  // A bundle's (or the demo generator's) due instants were derived under the policy where it was
  // written: the queue here sorts by this workstation's policy, as the chips read.
  const policy = await settings.read(SETTINGS.slaPolicy)
  await db.cases.bulkPut(
    caseFiles.map((file) => ({ ...file.case, ...caseSlaInstants(file.case.slaEvents, policy) })),
  )
  for (const name of CASE_RECORD_TABLES) {
    const key = CASE_FILE_KEYS[name]
    const records = caseFiles.flatMap((file) => file[key] as unknown[])
    if (records.length) await db.table(name).bulkPut(records)
  }
  const hashes = [...evidenceBlobs.keys()]
  const present = new Set(await db.evidenceBlobs.where('sha256').anyOf(hashes).primaryKeys())
  const missing = hashes.filter((hash) => !present.has(hash))
  await db.evidenceBlobs.bulkPut(
    missing.map((sha256) => {
      const blob = evidenceBlobs.get(sha256)!
      return { sha256, blob, size: blob.size }
    }),
  )
  await db.auditEntries.bulkAdd(
    caseFiles.map(
      (file): AuditEntry => ({
        id: crypto.randomUUID(),
        caseId: file.case.id,
        entity: 'case',
        entityId: file.case.id,
        action: 'import',
        at: arrival.at,
        actor: arrival.actor,
        changes: [],
        summary: arrival.describe(file.case.caseNumber),
      }),
    ),
  )
  let highest = 0
  for (const file of caseFiles) {
    highest = Math.max(highest, parseCaseNumber(file.case.caseNumber)?.sequence ?? 0)
  }
  await settings.advanceCaseSequence(highest + 1)
}

export function createCaseFileRepository(db: WorkstationDatabase, settings: SettingsRepository) {
  return {
    /** Everything recorded on the given cases, with the evidence bytes they cite. */
    async exportCaseFiles(
      caseIds: readonly string[],
    ): Promise<{ caseFiles: CaseFile[]; evidenceFiles: Map<string, Uint8Array> }> {
      const { caseFiles, blobs } = await db.transaction('r', everyTable(db), async () => {
        const cases = (await db.cases.bulkGet([...caseIds])).filter((record) => record !== undefined)
        // The fields derived for indexes (title words, violated clauses) are the database's own.
        const files = new Map(cases.map((record) => [record.id, emptyCaseFile(withoutDerivedFields(record))]))
        for (const name of CASE_RECORD_TABLES) {
          const records = (await db
            .table(name)
            .where('caseId')
            .anyOf([...files.keys()])
            .toArray()) as Array<{
            caseId: string
          }>
          for (const record of records)
            (files.get(record.caseId)![CASE_FILE_KEYS[name]] as unknown[]).push(withoutDerivedFields(record))
        }
        const hashes = [
          ...new Set([...files.values()].flatMap((file) => file.evidence.map((item) => item.sha256))),
        ]
        return { caseFiles: [...files.values()], blobs: await db.evidenceBlobs.bulkGet(hashes) }
      })
      const evidenceFiles = new Map<string, Uint8Array>()
      for (const row of blobs) {
        if (row) evidenceFiles.set(row.sha256, new Uint8Array(await row.blob.arrayBuffer()))
      }
      return { caseFiles, evidenceFiles }
    },

    /**
     * Imports case files all-or-nothing. A case already here is replaced when the incoming copy is
     * newer and kept otherwise; a case number held by a different case stops the whole import.
     */
    importCaseFiles(
      input: { caseFiles: readonly CaseFile[]; evidenceFiles: ReadonlyMap<string, Uint8Array> },
      actor: Actor,
      at: string = new Date().toISOString(),
    ): Promise<ImportSummary> {
      // Blobs are made before the transaction: awaiting anything but Dexie inside it would commit it early.
      const blobs = new Map(
        [...input.evidenceFiles].map(([sha256, bytes]) => [
          sha256,
          new Blob([bytes as Uint8Array<ArrayBuffer>]),
        ]),
      )
      return guardStorage(() =>
        db.transaction('rw', everyTable(db), async () => {
          const incoming = input.caseFiles
          const existing = await db.cases.bulkGet(incoming.map((file) => file.case.id))
          const holders = await db.cases
            .where('caseNumber')
            .anyOf(incoming.map((file) => file.case.caseNumber))
            .toArray()
          const holderOf = new Map(holders.map((record) => [record.caseNumber, record]))
          const toStore: CaseFile[] = []
          const replaced: string[] = []
          let unchanged = 0
          incoming.forEach((file, index) => {
            const holder = holderOf.get(file.case.caseNumber)
            if (holder && holder.id !== file.case.id) {
              throw new ImportRejectedError(
                `Case number ${file.case.caseNumber} is already used here by a different case ("${holder.title}"). Nothing was imported.`,
              )
            }
            const current = existing[index]
            if (current && current.updatedAt >= file.case.updatedAt) {
              unchanged++
              return
            }
            if (current) replaced.push(current.id)
            toStore.push(file)
          })
          await storeCaseFiles(
            db,
            settings,
            { caseFiles: toStore, evidenceBlobs: blobs, replacedCaseIds: replaced },
            { at, actor, describe: (caseNumber) => `Imported ${caseNumber} from a case bundle` },
          )
          return {
            added: toStore.length - replaced.length,
            updated: replaced.length,
            unchanged,
            evidenceFiles: blobs.size,
          }
        }),
      )
    },
  }
}
