import { type Actor, exhibitLabel, isPageMark } from '../../../../shared/domain'
import { type EvidenceBundleInput, writeEvidenceBundle } from '../../../../shared/evidence/evidence-bundle'
import { createSha256Hasher } from '../../../../shared/hashing/sha256'
import { repositories } from '../../db/instance'
import { platform } from '../../platform'
import { annotatedRenderings, renderingFileName } from '../annotations/annotated-rendering'
import { notify } from '../shell/notices'

/**
 * Saves a case's evidence bundle (every item's bytes, burned-in renderings of annotated items,
 * manifest.json and .csv, the custody log, the marks) where the analyst chooses, and records the
 * export in each item's chain of custody.
 */
export async function exportEvidenceBundle(caseId: string, analyst: Actor): Promise<void> {
  const record = await repositories.cases.get(caseId)
  const items = await repositories.evidence.listForCase(caseId)
  if (!record || items.length === 0) {
    notify('info', 'This case has no evidence to export.')
    return
  }
  const parties = await repositories.parties.listForCase(caseId)
  const annotations = await repositories.annotations.listForCase(caseId)
  const sha256 = await createSha256Hasher()
  const entries: EvidenceBundleInput['items'] = []
  const renderings: EvidenceBundleInput['renderings'] = []
  for (const item of items) {
    const blob = await repositories.evidence.getBlob(item.sha256)
    if (!blob)
      throw new Error(`The bytes of ${exhibitLabel(item.exhibitNumber)} are missing; nothing was exported.`)
    const sourceName = parties.find((party) => party.id === item.sourcePartyId)?.name ?? ''
    entries.push({ item, sourceName, bytes: new Uint8Array(await blob.arrayBuffer()) })
    const marks = annotations.filter((mark) => mark.evidenceId === item.id).filter(isPageMark)
    for (const rendering of await annotatedRenderings(item, blob, marks))
      renderings.push({
        ...rendering,
        exhibitNumber: item.exhibitNumber,
        fileName: renderingFileName(item, rendering),
        sha256: sha256(rendering.png),
      })
  }
  const custody = (
    await Promise.all(items.map((item) => repositories.custody.listForEvidence(item.id)))
  ).flat()
  const chunks: Uint8Array[] = []
  writeEvidenceBundle(
    {
      caseNumber: record.caseNumber,
      caseTitle: record.title,
      exportedAt: new Date().toISOString(),
      exportedBy: analyst,
      items: entries,
      custody,
      annotations,
      renderings,
    },
    (chunk) => chunks.push(chunk),
  )
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  const suggestedName = `${record.caseNumber}-evidence.zip`
  const result = await platform.saveFile({
    title: 'Export evidence bundle',
    suggestedName,
    mimeType: 'application/zip',
    filters: [{ name: 'Evidence bundles', extensions: ['zip'] }],
    bytes,
  })
  if (!result.saved) return
  await repositories.evidence.recordExported(
    items.map((item) => item.id),
    `Exported in the evidence bundle ${suggestedName}`,
    analyst,
  )
  notify(
    'success',
    `Exported ${items.length} evidence item${items.length === 1 ? '' : 's'} to ${result.location ?? suggestedName}.`,
  )
}
