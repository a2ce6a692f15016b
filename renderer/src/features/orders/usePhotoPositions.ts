import { repositories } from '@db/instance'
import { type PhotoMetadata, readPhotoMetadata } from '@media/photo-metadata'
import { readEvidenceFile } from '@services/evidence-files/read-evidence-file'
import { thisWorkstation } from '@services/this-workstation'
import { exhibitLabel } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import type { PhotoPosition } from '@shared/rules/orders/location-checks'
import { showUntrusted } from '@shared/untrusted-text'
import { useLiveQuery } from 'dexie-react-hooks'

/**
 * EXIF by file (the bytes never change for a SHA-256): the tab re-reads its photos whenever the
 * case's evidence changes, and should not read and parse every file again. Bounded.
 */
const parsed = new Map<string, Promise<PhotoMetadata | null>>()
const PARSED_KEPT = 500

function metadataOf(sha256: string): Promise<PhotoMetadata | null> {
  let found = parsed.get(sha256)
  if (!found) {
    found = readEvidenceFile(thisWorkstation, sha256).then((blob) => {
      // Bytes not on this workstation yet (still syncing): ask again next time.
      if (!blob) parsed.delete(sha256)
      return blob ? readPhotoMetadata(blob) : null
    })
    found.catch(() => parsed.delete(sha256))
    parsed.set(sha256, found)
    if (parsed.size > PARSED_KEPT) parsed.delete(parsed.keys().next().value!)
  }
  return found
}

/** Where and when each photo of the case was taken, from its EXIF (undefined while reading). */
export function usePhotoPositions(caseId: string): PhotoPosition[] | undefined {
  return useLiveQuery(async () => {
    const photos = (await repositories.evidence.listForCase(caseId)).filter(
      (item) => !item.removed && isViewableImage(item.detectedType),
    )
    const positions = await Promise.all(
      photos.map(async (item): Promise<PhotoPosition | null> => {
        const metadata = await metadataOf(item.sha256)
        if (!metadata || (metadata.captured === null && metadata.latitude === null)) return null
        return {
          evidenceId: item.id,
          label: `${exhibitLabel(item.exhibitNumber)} ${showUntrusted(item.originalName)}`,
          // A time without a recorded zone is no moment: the checks say so rather than guess one.
          takenAt: metadata.captured?.instant ?? null,
          zoneUnknown: metadata.captured !== null && metadata.captured.instant === null,
          location:
            metadata.latitude !== null && metadata.longitude !== null
              ? { lat: metadata.latitude, lon: metadata.longitude }
              : null,
        }
      }),
    )
    return positions.filter((position) => position !== null)
  }, [caseId])
}
