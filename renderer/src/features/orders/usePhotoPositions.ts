import { useLiveQuery } from 'dexie-react-hooks'
import { exhibitLabel } from '../../../../shared/domain'
import { isViewableImage } from '../../../../shared/evidence/content-type'
import type { PhotoPosition } from '../../../../shared/orders/location-checks'
import { repositories } from '../../db/instance'
import { readPhotoMetadata } from '../evidence/photo-metadata'

/** Where and when each photo of the case was taken, from its EXIF (undefined while reading). */
export function usePhotoPositions(caseId: string): PhotoPosition[] | undefined {
  return useLiveQuery(async () => {
    const photos = (await repositories.evidence.listForCase(caseId)).filter(
      (item) => !item.removed && isViewableImage(item.detectedType),
    )
    const positions = await Promise.all(
      photos.map(async (item): Promise<PhotoPosition | null> => {
        const blob = await repositories.evidence.getBlob(item.sha256)
        const metadata = blob ? await readPhotoMetadata(blob) : null
        if (!metadata || (metadata.capturedAt === null && metadata.latitude === null)) return null
        return {
          evidenceId: item.id,
          label: `${exhibitLabel(item.exhibitNumber)} ${item.originalName}`,
          takenAt: metadata.capturedAt,
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
