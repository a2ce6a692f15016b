import { repositories } from '@db/instance'
import { parseEmail } from '@media/email'
import { FingerprintCancelled, fingerprint } from '@media/fingerprint'
import { formatBytesApart } from '@shared/byte-size'
import { type Actor, exhibitLabel } from '@shared/domain'
import { damageSentence } from '@shared/formats/evidence/image-damage'
import { showUntrusted } from '@shared/untrusted-text'
import { useEvidenceImports } from './evidence-import-store'

const cancels = new Map<string, AbortController>()

/** Stops one file's import (while it is waiting or being hashed). */
export function cancelImport(jobId: string): void {
  cancels.get(jobId)?.abort()
}

/**
 * Imports files into a case one after another: the size limit first, then SHA-256, type and (for a
 * photo) the image check in a worker with progress, then the item with its custody record. Each file ends with its own outcome;
 * one failing never stops the others.
 */
export async function importEvidenceFiles(
  caseId: string,
  files: File[],
  analyst: Actor,
  /** Set for an email's attachments: the email item they were extracted from. */
  parent?: { evidenceId: string; label: string },
): Promise<void> {
  const store = useEvidenceImports.getState()
  const jobs = files.map((file) => ({
    id: crypto.randomUUID(),
    caseId,
    name: file.name || 'pasted image',
    shownName: `${showUntrusted(file.name || 'pasted image')}${parent ? ` (attached to ${parent.label})` : ''}`,
    size: file.size,
    hashed: 0,
    state: 'waiting' as const,
    message: '',
  }))
  store.add(jobs)
  for (const job of jobs) cancels.set(job.id, new AbortController())
  const limit = await repositories.settings.getEvidenceSizeLimit()
  for (const [index, job] of jobs.entries()) {
    const file = files[index]!
    const signal = cancels.get(job.id)!.signal
    try {
      if (signal.aborted) throw new FingerprintCancelled('Cancelled')
      if (file.size > limit) {
        const [size, allowed] = formatBytesApart(file.size, limit)
        store.update(job.id, {
          state: 'failed',
          message: `${size} is over the ${allowed} limit for one evidence file (Settings → Evidence).`,
        })
        continue
      }
      store.update(job.id, { state: 'hashing' })
      // Read by `npm run bench` for the hashing throughput.
      performance.mark('evidence:hash-start', { detail: job.name })
      const print = await fingerprint(
        file,
        (hashed) => store.update(job.id, { hashed }),
        signal,
        () => store.update(job.id, { state: 'checking', hashed: file.size }),
      )
      performance.mark('evidence:hash-end', { detail: job.name })
      store.update(job.id, { state: 'storing', hashed: print.size })
      const outcome = await repositories.evidence.importItem(
        {
          caseId,
          blob: file,
          originalName: job.name,
          size: print.size,
          sha256: print.sha256,
          detectedType: print.detectedType,
          sourcePartyId: null,
          acquiredAt: new Date().toISOString(),
          description: parent ? `Attachment of ${parent.label}` : '',
          parentEvidenceId: parent?.evidenceId ?? null,
          imageCheck: print.imageCheck,
        },
        analyst,
      )
      const damage = outcome.status === 'added' ? outcome.item.damage : null
      store.update(job.id, {
        state: 'done',
        message:
          outcome.status === 'added'
            ? `Added as ${exhibitLabel(outcome.item.exhibitNumber)} (${outcome.item.detectedType})`
            : `Already in this case as ${exhibitLabel(outcome.existing.exhibitNumber)}: not added again`,
        warning: damage ? damageSentence(damage) : undefined,
      })
      // An email's attachments become exhibits of their own, linked to it (one level: an attached
      // email's own attachments stay inside it).
      if (outcome.status === 'added' && outcome.item.detectedType === 'message/rfc822' && !parent)
        await importAttachments(
          outcome.item.id,
          exhibitLabel(outcome.item.exhibitNumber),
          file,
          caseId,
          analyst,
        )
    } catch (error) {
      if (error instanceof FingerprintCancelled)
        store.update(job.id, { state: 'cancelled', message: 'Cancelled' })
      else
        store.update(job.id, {
          state: 'failed',
          message: `Not imported: ${error instanceof Error ? error.message : String(error)}`,
        })
    } finally {
      cancels.delete(job.id)
    }
  }
}

async function importAttachments(
  evidenceId: string,
  label: string,
  email: Blob,
  caseId: string,
  analyst: Actor,
) {
  const parsed = await parseEmail(email).catch(() => null)
  const attachments = (parsed?.attachments ?? []).map(
    (attachment, index) =>
      new File([attachment.content as BlobPart], attachment.filename || `attachment-${index + 1}`, {
        type: attachment.mimeType,
      }),
  )
  if (attachments.length) await importEvidenceFiles(caseId, attachments, analyst, { evidenceId, label })
}
