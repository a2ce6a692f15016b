import { repositories } from '@db/instance'
import { TimelineEventDialog } from '@features/timeline'
import { fingerprint } from '@media/fingerprint'
import { Button, Stack } from '@mui/material'
import { platform } from '@platform'
import { readEvidenceFile } from '@services/evidence-files/read-evidence-file'
import { thisWorkstation } from '@services/this-workstation'
import { type Actor, type Evidence, exhibitLabel } from '@shared/domain'
import { toSafeFileName } from '@shared/file-names'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import { damageSentence } from '@shared/formats/evidence/image-damage'
import { showUntrusted } from '@shared/untrusted-text'
import { FormDialog } from '@ui/FormDialog'
import { NoteField } from '@ui/NoteField'
import { attempt, notify } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useState } from 'react'
import { CompareImagesDialog } from './CompareImagesDialog'
import { EvidenceDetailsDialog } from './EvidenceDetailsDialog'

/**
 * "Verify integrity" re-hashes the stored bytes in a worker (and checks a photo's picture: complete,
 * or incomplete or damaged) and records the result in the chain of custody; "Save a copy…" writes the original bytes out (recorded too); "Remove…" takes the item out
 * of the case with a reason (it stays for the record).
 */
export function EvidenceActions({ item }: { item: Evidence }) {
  const analyst = useAnalyst()
  const [verifying, setVerifying] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [reason, setReason] = useState('')
  const [editing, setEditing] = useState(false)
  const [onTimeline, setOnTimeline] = useState(false)
  const [comparing, setComparing] = useState(false)
  const label = exhibitLabel(item.exhibitNumber)

  const verify = async (analyst: Actor) => {
    setVerifying(true)
    try {
      const blob = await readEvidenceFile(thisWorkstation, item.sha256)
      if (!blob) {
        notify('error', `The bytes of ${label} are missing from this workstation.`)
        return
      }
      const print = await attempt(() => fingerprint(blob, () => {}))
      if (!print) return
      // The image check of a photo runs with it and is recorded with it (older photos get theirs here).
      const intact = await attempt(() =>
        repositories.evidence.recordVerification(item.id, print.sha256, analyst, print.imageCheck),
      )
      const damage = print.imageCheck?.damage
      if (intact === true && damage)
        notify('warning', `${label} is intact: its SHA-256 matches the record. ${damageSentence(damage)}`)
      else if (intact === true) notify('success', `${label} is intact: its SHA-256 matches the record.`)
      else if (intact === false)
        notify('error', `${label} has changed: its bytes no longer match the recorded SHA-256.`)
    } finally {
      setVerifying(false)
    }
  }
  // The palette's "Verify the integrity of the open exhibit" is this button (a no-op while it is disabled).
  useCommandRuntime(
    'evidence.verify-integrity',
    () => analyst && !verifying && void verify(analyst),
    Boolean(analyst),
  )
  if (!analyst) return null

  const saveCopy = async () => {
    const blob = await readEvidenceFile(thisWorkstation, item.sha256)
    if (!blob) {
      notify('error', `The bytes of ${label} are missing from this workstation.`)
      return
    }
    const suggestedName = toSafeFileName(item.originalName, `${label}.bin`)
    const result = await attempt(async () =>
      platform.saveFile({
        title: `Save a copy of ${label}`,
        suggestedName,
        mimeType: item.detectedType,
        filters: [],
        bytes: new Uint8Array(await blob.arrayBuffer()),
      }),
    )
    if (result?.saved)
      await attempt(
        () =>
          repositories.evidence.recordExported(
            [item.id],
            `Saved a copy as ${result.location ?? suggestedName}`,
            analyst,
          ),
        `Saved a copy of ${label}.`,
      )
  }

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button size="small" variant="outlined" onClick={() => verify(analyst)} disabled={verifying}>
        {verifying ? 'Verifying…' : 'Verify integrity'}
      </Button>
      <Button size="small" onClick={() => setEditing(true)}>
        Details…
      </Button>
      {isViewableImage(item.detectedType) && (
        <Button size="small" onClick={() => setComparing(true)}>
          Compare…
        </Button>
      )}
      <Button size="small" onClick={() => setOnTimeline(true)}>
        Add to timeline…
      </Button>
      <Button size="small" onClick={saveCopy}>
        Save a copy…
      </Button>
      {!item.removed && (
        <Button size="small" color="error" onClick={() => setRemoving(true)}>
          Remove…
        </Button>
      )}
      {comparing && <CompareImagesDialog item={item} onClose={() => setComparing(false)} />}
      {editing && <EvidenceDetailsDialog item={item} onClose={() => setEditing(false)} />}
      {onTimeline && (
        <TimelineEventDialog
          caseId={item.caseId}
          from={{
            occurredAt: item.acquiredAt,
            title: `${label}: ${showUntrusted(item.originalName)}`,
            detail: item.description,
            ref: { entity: 'evidence', id: item.id },
          }}
          onClose={() => setOnTimeline(false)}
        />
      )}
      {removing && (
        <FormDialog
          title={`Remove ${label} from the case?`}
          description="The item stays on this workstation with its chain of custody; it is marked removed with your reason."
          submitLabel={`Remove ${label}`}
          submitColor="error"
          cancelLabel="Keep"
          canSubmit={reason.trim() !== ''}
          width="content"
          onSubmit={async () => {
            const removed = await attempt(
              () => repositories.evidence.removeItem(item.id, reason, analyst),
              `${label} removed from the case.`,
            )
            if (removed) setRemoving(false)
          }}
          onClose={() => setRemoving(false)}
        >
          <NoteField autoFocus label="Reason" value={reason} onChange={setReason} />
        </FormDialog>
      )}
    </Stack>
  )
}
