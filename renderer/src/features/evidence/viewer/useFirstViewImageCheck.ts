import { repositories } from '@db/instance'
import { fingerprint } from '@media/fingerprint'
import { type Evidence, exhibitLabel } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import { notify } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useEffect } from 'react'

/** Items being checked now, or that this workstation cannot check (no decoder, too large): once a session. */
const started = new Set<string>()

/**
 * A photo imported before images were checked (or synced from a workstation that did not check it)
 * is checked the first time it is viewed, in the fingerprint worker, and the finding is recorded on
 * the item and in its chain of custody, so the viewer, the list, reports and bundles all say it.
 */
export function useFirstViewImageCheck(item: Evidence, blob: Blob): void {
  const analyst = useAnalyst()
  useEffect(() => {
    if (item.damage !== undefined || !analyst || !isViewableImage(item.detectedType) || started.has(item.id))
      return
    started.add(item.id)
    const label = exhibitLabel(item.exhibitNumber)
    fingerprint(blob, () => {})
      .then(async (print) => {
        // The finding belongs to the recorded bytes only.
        if (print.sha256 !== item.sha256)
          notify(
            'error',
            `The stored bytes of ${label} no longer match its recorded SHA-256: use Verify integrity.`,
          )
        else if (print.imageCheck)
          await repositories.evidence.recordImageCheck(
            item.id,
            print.imageCheck,
            analyst,
            'when first viewed',
          )
      })
      .catch((error: unknown) => {
        started.delete(item.id)
        notify(
          'warning',
          `${label} could not be checked: ${error instanceof Error ? error.message : String(error)}`,
        )
      })
  }, [item, blob, analyst])
}
