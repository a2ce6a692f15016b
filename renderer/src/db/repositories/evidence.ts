import { formatBytes } from '@shared/byte-size'
import {
  type Actor,
  type Case,
  type Evidence,
  type EvidenceDamage,
  EvidenceSchema,
  exhibitLabel,
} from '@shared/domain'
import { type ImageCheck, imageCheckFinding } from '@shared/formats/evidence/image-damage'
import Dexie from 'dexie'
import type { WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { createCaseRecordRepository } from './case-records'
import { CaseRuleError } from './cases'
import type { CustodyLog } from './custody-log'

/** A file about to become an exhibit: its bytes, and what the fingerprint worker found. */
export interface EvidenceImport {
  caseId: string
  blob: Blob
  originalName: string
  size: number
  sha256: string
  detectedType: string
  sourcePartyId: string | null
  acquiredAt: string
  description: string
  /** The item it was extracted from (an email's attachment points at the email). */
  parentEvidenceId?: string | null
  /** What the image check found in a photo's bytes; null or absent when it was not checked. */
  imageCheck?: ImageCheck | null
}

const sameDamage = (a: EvidenceDamage | null | undefined, b: EvidenceDamage | null) =>
  JSON.stringify(a ?? null) === JSON.stringify(b) && a !== undefined

export type EvidenceImportOutcome =
  | { status: 'added'; item: Evidence }
  /** The same bytes are already an exhibit of this case. */
  | { status: 'duplicate'; existing: Evidence }

/**
 * Evidence items, their bytes (once per SHA-256) and their chain of custody. Every step an item goes
 * through appends a custody event; items are never deleted, only removed with a reason.
 */
export function createEvidenceRepository(db: WorkstationDatabase, now: () => string, custodyLog: CustodyLog) {
  const custody = custodyLog.append
  const records = createCaseRecordRepository(db, {
    table: db.evidence,
    entity: 'evidence',
    schema: EvidenceSchema,
    orderedBy: 'exhibitNumber',
    describe: (item) => `exhibit ${exhibitLabel(item.exhibitNumber)} (${item.originalName})`,
    now,
  })

  /** The image check's finding on the item (an audited change when it differs from what it held). */
  const keepDamage = (item: Evidence, damage: EvidenceDamage | null, actor: Actor) =>
    sameDamage(item.damage, damage) ? item : records.update(item.id, { damage }, actor)

  return {
    ...records,
    /**
     * The bytes of an exhibit held on this workstation; undefined for evidence synced from the team
     * server whose bytes were not fetched yet (services/evidence-files fetches them).
     */
    async getBlob(sha256: string): Promise<Blob | undefined> {
      return (await db.evidenceBlobs.get(sha256))?.blob
    },

    /** Keeps bytes fetched from elsewhere (checked against `sha256` by the caller), once per hash. */
    keepBlob(sha256: string, blob: Blob): Promise<void> {
      return guardStorage(() =>
        db.transaction('rw', db.evidenceBlobs, async () => {
          if (!(await db.evidenceBlobs.get(sha256)))
            await db.evidenceBlobs.put({ sha256, blob, size: blob.size })
        }),
      )
    },

    /**
     * Makes a file an exhibit of the case: the next exhibit number (never reused), the bytes stored
     * once per hash, the custody record's first line and a timeline entry, in one transaction. The
     * same bytes already in the case are reported instead of stored twice.
     */
    importItem(input: EvidenceImport, actor: Actor): Promise<EvidenceImportOutcome> {
      return guardStorage(() =>
        db.transaction(
          'rw',
          [db.evidence, db.evidenceBlobs, db.custodyEvents, db.timelineEvents, db.auditEntries],
          async (): Promise<EvidenceImportOutcome> => {
            const inCase = await db.evidence.where('sha256').equals(input.sha256).toArray()
            const existing = inCase.find((item) => item.caseId === input.caseId && !item.removed)
            if (existing) return { status: 'duplicate', existing }
            const last = await db.evidence
              .where('[caseId+exhibitNumber]')
              .between([input.caseId, Dexie.minKey], [input.caseId, Dexie.maxKey])
              .last()
            if (!(await db.evidenceBlobs.get(input.sha256)))
              await db.evidenceBlobs.put({ sha256: input.sha256, blob: input.blob, size: input.size })
            const at = now()
            const item = await records.add(
              {
                id: crypto.randomUUID(),
                caseId: input.caseId,
                exhibitNumber: (last?.exhibitNumber ?? 0) + 1,
                sha256: input.sha256,
                originalName: input.originalName,
                size: input.size,
                detectedType: input.detectedType,
                sourcePartyId: input.sourcePartyId,
                acquiredAt: input.acquiredAt,
                importedAt: at,
                importedBy: actor,
                description: input.description,
                tags: [],
                parentEvidenceId: input.parentEvidenceId ?? null,
                removed: null,
                ...(input.imageCheck ? { damage: input.imageCheck.damage } : {}),
              },
              actor,
            )
            const check = input.imageCheck
              ? `; ${imageCheckFinding(input.imageCheck, item.detectedType)}`
              : ''
            await custody(
              item,
              'imported',
              actor,
              `Imported "${item.originalName}" (${item.detectedType}, ${formatBytes(item.size)})${check}`,
            )
            await db.timelineEvents.add({
              id: crypto.randomUUID(),
              caseId: item.caseId,
              kind: 'evidence',
              occurredAt: at,
              title: `Exhibit ${exhibitLabel(item.exhibitNumber)} added: ${item.originalName}`.slice(0, 300),
              detail: item.description,
              ref: { entity: 'evidence', id: item.id },
              recordedBy: actor,
              recordedAt: at,
            })
            return { status: 'added', item }
          },
        ),
      )
    },

    /** Other cases holding the same bytes: the same photo in two cases links them. */
    async casesWithSameFile(sha256: string, exceptCaseId: string): Promise<Case[]> {
      const items = await db.evidence.where('sha256').equals(sha256).toArray()
      const caseIds = [...new Set(items.map((item) => item.caseId))].filter((id) => id !== exceptCaseId)
      return (await db.cases.bulkGet(caseIds)).filter((record): record is Case => record !== undefined)
    },

    /** Records that the items went into an export (an evidence bundle, a report). */
    recordExported(evidenceIds: string[], detail: string, actor: Actor): Promise<void> {
      return guardStorage(() =>
        db.transaction('rw', [db.evidence, db.custodyEvents], async () => {
          for (const item of await db.evidence.bulkGet(evidenceIds))
            if (item) await custody(item, 'exported', actor, detail)
        }),
      )
    },

    /** Records that the analyst looked at the item. */
    async recordViewed(evidenceId: string, actor: Actor): Promise<void> {
      const item = await db.evidence.get(evidenceId)
      if (item) await guardStorage(() => custody(item, 'viewed', actor, 'Opened in the evidence viewer'))
    },

    /**
     * Records a re-computed hash against the stored one; true when they match. The image check of
     * the same bytes, when given, is recorded with it and kept on the item (only for bytes that still
     * match: the finding belongs to the recorded file).
     */
    async recordVerification(
      evidenceId: string,
      recomputed: string,
      actor: Actor,
      imageCheck: ImageCheck | null = null,
    ): Promise<boolean> {
      const found = await db.evidence.get(evidenceId)
      if (!found) throw new CaseRuleError('That evidence item no longer exists on this workstation.')
      const intact = recomputed === found.sha256
      await guardStorage(() =>
        db.transaction('rw', [db.evidence, db.custodyEvents, db.auditEntries], async () => {
          const item = intact && imageCheck ? await keepDamage(found, imageCheck.damage, actor) : found
          const check = intact && imageCheck ? `; ${imageCheckFinding(imageCheck, item.detectedType)}` : ''
          await custody(
            item,
            'reverified',
            actor,
            intact
              ? `Integrity verified: the stored bytes still hash to the recorded SHA-256${check}`
              : `INTEGRITY FAILURE: the stored bytes now hash to ${recomputed}`,
            recomputed,
          )
        }),
      )
      return intact
    },

    /**
     * Records the image check of a photo that had none (imported before the check existed, or synced
     * from a workstation without it), run `occasion` ("when first viewed"): the finding is kept on the
     * item and is a line of its chain of custody.
     */
    recordImageCheck(
      evidenceId: string,
      imageCheck: ImageCheck,
      actor: Actor,
      occasion: string,
    ): Promise<Evidence> {
      return guardStorage(() =>
        db.transaction('rw', [db.evidence, db.custodyEvents, db.auditEntries], async () => {
          const found = await db.evidence.get(evidenceId)
          if (!found) throw new CaseRuleError('That evidence item no longer exists on this workstation.')
          const item = await keepDamage(found, imageCheck.damage, actor)
          await custody(
            item,
            'reverified',
            actor,
            `Checked ${occasion}, as it had not been checked before; ${imageCheckFinding(imageCheck, item.detectedType)}`,
          )
          return item
        }),
      )
    },

    /** Takes the item out of the case with a reason; it stays, with its custody record, for the audit. */
    removeItem(evidenceId: string, reason: string, actor: Actor): Promise<Evidence> {
      return guardStorage(() =>
        db.transaction('rw', [db.evidence, db.custodyEvents, db.auditEntries], async () => {
          const item = await records.update(evidenceId, { removed: { at: now(), by: actor, reason } }, actor)
          await custody(item, 'removed', actor, `Removed: ${reason.trim()}`)
          return item
        }),
      )
    },
  }
}
