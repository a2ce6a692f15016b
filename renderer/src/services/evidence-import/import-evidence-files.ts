import type { EvidenceImportOutcome } from '@db/repositories/evidence'
import { FingerprintCancelled, fingerprint } from '@media/fingerprint'
import { type Actor, exhibitLabel } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import type { Workstation } from '../workstation'
import { emailAttachments } from './email-attachments'

/** The email an attachment was extracted from. */
export interface AttachedTo {
  evidenceId: string
  /** Its exhibit label ("E-3"). */
  label: string
}

/** A file queued for import, under the id its progress is reported by. */
export interface QueuedEvidenceFile {
  id: string
  caseId: string
  /** The file's name as received (stored as the item's original name). */
  name: string
  size: number
  attachedTo: AttachedTo | null
}

/** Where one file's import stands: steps with the bytes hashed so far, then how it ended. */
export type EvidenceFileProgress =
  | { state: 'hashing' | 'checking' | 'storing'; hashed: number }
  | { state: 'too-large'; size: number; limit: number }
  | { state: 'imported'; outcome: EvidenceImportOutcome }
  | { state: 'failed'; error: string }
  | { state: 'cancelled' }

/** How an import tells its caller what it does (the feature shows it as a job list). */
export interface EvidenceImportReport {
  queued(files: QueuedEvidenceFile[]): void
  progress(fileId: string, progress: EvidenceFileProgress): void
}

export interface EvidenceImportRequest {
  caseId: string
  files: File[]
  analyst: Actor
  /** Set for an email's attachments: the email item they were extracted from. */
  attachedTo?: AttachedTo
}

const cancels = new Map<string, AbortController>()

/** Stops one file's import (while it is waiting or being hashed). */
export function cancelEvidenceImport(fileId: string): void {
  cancels.get(fileId)?.abort()
}

/**
 * Imports files into a case one after another: the size limit first, then SHA-256, type and (for a
 * photo) the image check in a worker with progress, then the item with its custody record. Each file
 * ends with its own outcome; one failing never stops the others. An email's attachments become
 * exhibits of their own, linked to it (one level: an attached email's own attachments stay inside it).
 * `fingerprintFile` is the worker's hashing (tests hash in place).
 */
export async function importEvidenceFiles(
  workstation: Workstation,
  request: EvidenceImportRequest,
  report: EvidenceImportReport,
  fingerprintFile: typeof fingerprint = fingerprint,
): Promise<void> {
  const { caseId, files, analyst, attachedTo = null } = request
  const queued = files.map((file) => ({
    id: crypto.randomUUID(),
    caseId,
    name: file.name || 'pasted image',
    size: file.size,
    attachedTo,
  }))
  for (const job of queued) cancels.set(job.id, new AbortController())
  report.queued(queued)
  const limit = await workstation.repositories.settings.read(SETTINGS.evidenceSizeLimit)
  for (const [index, job] of queued.entries()) {
    const file = files[index]!
    const signal = cancels.get(job.id)!.signal
    const progress = (step: EvidenceFileProgress) => report.progress(job.id, step)
    try {
      if (signal.aborted) throw new FingerprintCancelled('Cancelled')
      if (file.size > limit) {
        progress({ state: 'too-large', size: file.size, limit })
        continue
      }
      progress({ state: 'hashing', hashed: 0 })
      // Read by `npm run bench` for the hashing throughput.
      performance.mark('evidence:hash-start', { detail: job.name })
      const print = await fingerprintFile(
        file,
        (hashed) => progress({ state: 'hashing', hashed }),
        signal,
        () => progress({ state: 'checking', hashed: file.size }),
      )
      performance.mark('evidence:hash-end', { detail: job.name })
      progress({ state: 'storing', hashed: print.size })
      const outcome = await workstation.repositories.evidence.importItem(
        {
          caseId,
          blob: file,
          originalName: job.name,
          size: print.size,
          sha256: print.sha256,
          detectedType: print.detectedType,
          sourcePartyId: null,
          acquiredAt: new Date().toISOString(),
          description: attachedTo ? `Attachment of ${attachedTo.label}` : '',
          parentEvidenceId: attachedTo?.evidenceId ?? null,
          imageCheck: print.imageCheck,
        },
        analyst,
      )
      progress({ state: 'imported', outcome })
      if (outcome.status === 'added' && outcome.item.detectedType === 'message/rfc822' && !attachedTo) {
        const attachments = await emailAttachments(file)
        const email = { evidenceId: outcome.item.id, label: exhibitLabel(outcome.item.exhibitNumber) }
        if (attachments.length)
          await importEvidenceFiles(
            workstation,
            { caseId, files: attachments, analyst, attachedTo: email },
            report,
            fingerprintFile,
          )
      }
    } catch (error) {
      if (error instanceof FingerprintCancelled) progress({ state: 'cancelled' })
      else progress({ state: 'failed', error: error instanceof Error ? error.message : String(error) })
    } finally {
      cancels.delete(job.id)
    }
  }
}
