import { annotatedRenderings, renderingFileName } from '@media/annotated-rendering'
import type { EvidenceBundleRequest } from '@media/evidence-bundle.worker'
import { fingerprint } from '@media/fingerprint'
import { type Actor, type Evidence, exhibitLabel, isPageMark } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import type { EvidenceBundleInput } from '@shared/formats/evidence/evidence-bundle'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { readEvidenceFile } from '../evidence-files/read-evidence-file'
import type { Workstation } from '../workstation'
import { packEvidenceBundle } from './pack-evidence-bundle'

/** Where the making of a bundle stands, item by item, then packing (`share` from 0 to 1). */
export type EvidenceBundleStep =
  | { step: 'reading'; exhibit: string; index: number; count: number }
  | { step: 'drawing'; exhibit: string; index: number; count: number }
  | { step: 'packing'; share: number }

/** A packed bundle, ready to be saved. */
export interface PackedEvidenceBundle {
  caseNumber: string
  /** "CR-2026-000042-evidence.zip". */
  fileName: string
  zip: Blob
  evidenceIds: string[]
}

/**
 * A photo never checked (imported before the image check existed) is checked before it goes into a
 * bundle, so the manifest says what it is; the finding is recorded like any other check.
 */
async function checkedItem(
  { repositories }: Workstation,
  item: Evidence,
  blob: Blob,
  analyst: Actor,
): Promise<Evidence> {
  if (item.damage !== undefined || !isViewableImage(item.detectedType)) return item
  const print = await fingerprint(blob, () => {})
  if (print.sha256 !== item.sha256)
    throw new Error(
      `The stored bytes of ${exhibitLabel(item.exhibitNumber)} no longer match its recorded SHA-256 (use Verify integrity); nothing was exported.`,
    )
  if (!print.imageCheck) return item
  return repositories.evidence.recordImageCheck(
    item.id,
    print.imageCheck,
    analyst,
    'before the evidence bundle export',
  )
}

/**
 * Packs a case's evidence bundle: every item's bytes (fetched from the team server when they are not
 * here yet), burned-in renderings of annotated items, manifest.json and .csv, the custody log and the
 * marks. Null for a case with no evidence. Saving it is the caller's; then `recordEvidenceBundleSaved`.
 */
export async function packCaseEvidenceBundle(
  workstation: Workstation,
  request: { caseId: string; analyst: Actor },
  onStep: (step: EvidenceBundleStep) => void,
): Promise<PackedEvidenceBundle | null> {
  const { repositories } = workstation
  const { caseId, analyst } = request
  const record = await repositories.cases.get(caseId)
  const listed = await repositories.evidence.listForCase(caseId)
  if (!record || listed.length === 0) return null
  const parties = await repositories.parties.listForCase(caseId)
  const annotations = await repositories.annotations.listForCase(caseId)
  const sha256 = await createSha256Hasher()
  const items: EvidenceBundleRequest['items'] = []
  const renderings: EvidenceBundleInput['renderings'] = []
  for (const [index, listedItem] of listed.entries()) {
    const exhibit = exhibitLabel(listedItem.exhibitNumber)
    onStep({ step: 'reading', exhibit, index, count: listed.length })
    const blob = await readEvidenceFile(workstation, listedItem.sha256)
    if (!blob) throw new Error(`The bytes of ${exhibit} are missing; nothing was exported.`)
    const item = await checkedItem(workstation, listedItem, blob, analyst)
    const sourceName = parties.find((party) => party.id === item.sourcePartyId)?.name ?? ''
    items.push({ item, sourceName, blob })
    const marks = annotations.filter((mark) => mark.evidenceId === item.id).filter(isPageMark)
    if (marks.length) onStep({ step: 'drawing', exhibit, index, count: listed.length })
    for (const rendering of await annotatedRenderings(item, blob, marks))
      renderings.push({
        ...rendering,
        exhibitNumber: item.exhibitNumber,
        fileName: renderingFileName(item, rendering),
        sha256: sha256(rendering.png),
      })
  }
  const custody = (
    await Promise.all(listed.map((item) => repositories.custody.listForEvidence(item.id)))
  ).flat()
  onStep({ step: 'packing', share: 0 })
  const zip = await packEvidenceBundle(
    {
      caseNumber: record.caseNumber,
      caseTitle: record.title,
      exportedAt: new Date().toISOString(),
      exportedBy: analyst,
      items,
      custody,
      annotations,
      renderings,
    },
    (share) => onStep({ step: 'packing', share }),
  )
  return {
    caseNumber: record.caseNumber,
    fileName: `${record.caseNumber}-evidence.zip`,
    zip,
    evidenceIds: items.map(({ item }) => item.id),
  }
}

/** Records a saved bundle in the chain of custody of every item in it. */
export const recordEvidenceBundleSaved = (
  { repositories }: Workstation,
  bundle: PackedEvidenceBundle,
  analyst: Actor,
) =>
  repositories.evidence.recordExported(
    bundle.evidenceIds,
    `Exported in the evidence bundle ${bundle.fileName}`,
    analyst,
  )
