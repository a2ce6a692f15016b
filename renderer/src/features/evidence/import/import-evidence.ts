import {
  type EvidenceFileProgress,
  importEvidenceFiles as importFiles,
  type QueuedEvidenceFile,
} from '@services/evidence-import/import-evidence-files'
import { thisWorkstation } from '@services/this-workstation'
import { formatBytesApart } from '@shared/byte-size'
import { type Actor, exhibitLabel } from '@shared/domain'
import { damageSentence } from '@shared/formats/evidence/image-damage'
import { showUntrusted } from '@shared/untrusted-text'
import { type ImportJob, useEvidenceImports } from './evidence-import-store'

/** A queued file as the import panel lists it. */
const jobOf = (file: QueuedEvidenceFile): ImportJob => ({
  id: file.id,
  caseId: file.caseId,
  name: file.name,
  shownName: `${showUntrusted(file.name)}${file.attachedTo ? ` (attached to ${file.attachedTo.label})` : ''}`,
  size: file.size,
  hashed: 0,
  state: 'waiting',
  message: '',
})

/** A step of the import in the panel's words. */
function jobPatch(progress: EvidenceFileProgress): Partial<ImportJob> {
  switch (progress.state) {
    case 'hashing':
    case 'checking':
    case 'storing':
      return { state: progress.state, hashed: progress.hashed }
    case 'too-large': {
      const [size, allowed] = formatBytesApart(progress.size, progress.limit)
      return {
        state: 'failed',
        message: `${size} is over the ${allowed} limit for one evidence file (Settings → Evidence).`,
      }
    }
    case 'imported': {
      const { outcome } = progress
      const damage = outcome.status === 'added' ? outcome.item.damage : null
      return {
        state: 'done',
        message:
          outcome.status === 'added'
            ? `Added as ${exhibitLabel(outcome.item.exhibitNumber)} (${outcome.item.detectedType})`
            : `Already in this case as ${exhibitLabel(outcome.existing.exhibitNumber)}: not added again`,
        warning: damage ? damageSentence(damage) : undefined,
      }
    }
    case 'failed':
      return { state: 'failed', message: `Not imported: ${progress.error}` }
    case 'cancelled':
      return { state: 'cancelled', message: 'Cancelled' }
  }
}

/** Imports files into a case (see the service), each shown as a job in the Evidence tab's list. */
export function importEvidenceFiles(caseId: string, files: File[], analyst: Actor): Promise<void> {
  const store = useEvidenceImports.getState()
  return importFiles(
    thisWorkstation,
    { caseId, files, analyst },
    {
      queued: (queued) => store.add(queued.map(jobOf)),
      progress: (id, progress) => store.update(id, jobPatch(progress)),
    },
  )
}
