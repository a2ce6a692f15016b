import { repositories } from '@db/instance'
import { annotatedRenderings, renderingFileName } from '@media/annotated-rendering'
import type { EvidenceBundleReply, EvidenceBundleRequest } from '@media/evidence-bundle.worker'
import { fingerprint } from '@media/fingerprint'
import { platform } from '@platform'
import { formatBytes } from '@shared/byte-size'
import { type Actor, type Evidence, exhibitLabel, isPageMark } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import type { EvidenceBundleInput } from '@shared/formats/evidence/evidence-bundle'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { type BundleExport, useBundleExports } from './evidence-bundle-export-store'

/** Shares of the progress bar: reading, checking and drawing each item, then packing the zip. */
const GATHERED = 0.3
const PACKED = 0.95

/** Packs the bundle in a worker, reporting the share of bytes read and written. */
function packBundle(request: EvidenceBundleRequest, onProgress: (share: number) => void): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../../media/evidence-bundle.worker.ts', import.meta.url), {
      type: 'module',
    })
    worker.onmessage = (event: MessageEvent<EvidenceBundleReply>) => {
      const reply = event.data
      if (reply.type === 'progress') return onProgress(reply.total ? reply.done / reply.total : 1)
      worker.terminate()
      if (reply.type === 'done') resolve(reply.zip)
      else reject(new Error(reply.message))
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(`Packing stopped: ${event.message}`))
    }
    worker.postMessage(request)
  })
}

/**
 * A photo never checked (imported before the image check existed) is checked before it goes into a
 * bundle, so the manifest says what it is; the finding is recorded like any other check.
 */
async function checkedItem(item: Evidence, blob: Blob, analyst: Actor): Promise<Evidence> {
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
 * Saves a case's evidence bundle (every item's bytes, burned-in renderings of annotated items,
 * manifest.json and .csv, the custody log, the marks) where the analyst chooses, and records the
 * export in each item's chain of custody. The case's Evidence tab shows each step with a progress
 * bar, and at the end where the bundle went (or why not).
 */
export async function exportEvidenceBundle(caseId: string, analyst: Actor): Promise<void> {
  const exports = useBundleExports.getState()
  if (exports.exports[caseId]?.state === 'running') return
  const show = (status: BundleExport) => exports.set(caseId, status)
  const step = (text: string, progress: number | null) => show({ state: 'running', step: text, progress })
  step('Reading the case’s evidence', 0)
  try {
    const record = await repositories.cases.get(caseId)
    const listed = await repositories.evidence.listForCase(caseId)
    if (!record || listed.length === 0) {
      show({ state: 'finished', severity: 'info', message: 'This case has no evidence to export.' })
      return
    }
    const parties = await repositories.parties.listForCase(caseId)
    const annotations = await repositories.annotations.listForCase(caseId)
    const sha256 = await createSha256Hasher()
    const items: EvidenceBundleRequest['items'] = []
    const renderings: EvidenceBundleInput['renderings'] = []
    for (const [index, listedItem] of listed.entries()) {
      const label = exhibitLabel(listedItem.exhibitNumber)
      step(`Reading ${label} (${index + 1} of ${listed.length})`, (index / listed.length) * GATHERED)
      const blob = await repositories.evidence.getBlob(listedItem.sha256)
      if (!blob) throw new Error(`The bytes of ${label} are missing; nothing was exported.`)
      const item = await checkedItem(listedItem, blob, analyst)
      const sourceName = parties.find((party) => party.id === item.sourcePartyId)?.name ?? ''
      items.push({ item, sourceName, blob })
      const marks = annotations.filter((mark) => mark.evidenceId === item.id).filter(isPageMark)
      if (marks.length) step(`Drawing the marks of ${label} (${index + 1} of ${listed.length})`, null)
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
    step('Packing the files into the bundle', GATHERED)
    const zip = await packBundle(
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
      (share) => step('Packing the files into the bundle', GATHERED + share * (PACKED - GATHERED)),
    )
    const suggestedName = `${record.caseNumber}-evidence.zip`
    step(
      platform.host === 'electron'
        ? 'Choose where to save the bundle…'
        : 'Handing the bundle to the browser…',
      null,
    )
    const result = await platform.saveFile({
      title: 'Export evidence bundle',
      suggestedName,
      mimeType: 'application/zip',
      filters: [{ name: 'Evidence bundles', extensions: ['zip'] }],
      bytes: new Uint8Array(await zip.arrayBuffer()),
    })
    if (!result.saved) {
      show({
        state: 'finished',
        severity: 'info',
        message: 'The evidence bundle was not saved (the save dialog was closed); nothing was recorded.',
      })
      return
    }
    await repositories.evidence.recordExported(
      items.map(({ item }) => item.id),
      `Exported in the evidence bundle ${suggestedName}`,
      analyst,
    )
    const what = `${items.length} evidence item${items.length === 1 ? '' : 's'}, ${formatBytes(zip.size)}`
    show({
      state: 'finished',
      severity: 'success',
      // The web host can only hand the file to the browser: where it lands is the browser's setting.
      message:
        platform.host === 'electron'
          ? `Saved the evidence bundle of ${record.caseNumber} (${what}) to ${result.location ?? suggestedName}.`
          : `The evidence bundle of ${record.caseNumber} (${what}) was downloaded as ${suggestedName}: the browser saves it in its downloads folder, or where it asked you.`,
    })
  } catch (error) {
    show({
      state: 'finished',
      severity: 'error',
      message: `The evidence bundle was not exported: ${error instanceof Error ? error.message : String(error)}`,
    })
  }
}
