import { platform } from '@platform'
import {
  type EvidenceBundleStep,
  packCaseEvidenceBundle,
  recordEvidenceBundleSaved,
} from '@services/evidence-bundles/export-evidence-bundle'
import { thisWorkstation } from '@services/this-workstation'
import { formatBytes } from '@shared/byte-size'
import type { Actor } from '@shared/domain'
import { type BundleExport, useBundleExports } from './evidence-bundle-export-store'

/** Shares of the progress bar: reading, checking and drawing each item, then packing the zip. */
const GATHERED = 0.3
const PACKED = 0.95

/** A step of the export as the Evidence tab shows it, with the progress bar's share (null: unknown). */
function shown(step: EvidenceBundleStep): [string, number | null] {
  switch (step.step) {
    case 'reading':
      return [
        `Reading ${step.exhibit} (${step.index + 1} of ${step.count})`,
        (step.index / step.count) * GATHERED,
      ]
    case 'drawing':
      return [`Drawing the marks of ${step.exhibit} (${step.index + 1} of ${step.count})`, null]
    case 'packing':
      return ['Packing the files into the bundle', GATHERED + step.share * (PACKED - GATHERED)]
  }
}

/**
 * Saves a case's evidence bundle where the analyst chooses and records the export in each item's
 * chain of custody. The case's Evidence tab shows each step with a progress bar, and at the end
 * where the bundle went (or why not).
 */
export async function exportEvidenceBundle(caseId: string, analyst: Actor): Promise<void> {
  const exports = useBundleExports.getState()
  if (exports.exports[caseId]?.state === 'running') return
  const show = (status: BundleExport) => exports.set(caseId, status)
  const step = (text: string, progress: number | null) => show({ state: 'running', step: text, progress })
  step('Reading the case’s evidence', 0)
  try {
    const bundle = await packCaseEvidenceBundle(thisWorkstation, { caseId, analyst }, (next) =>
      step(...shown(next)),
    )
    if (!bundle) {
      show({ state: 'finished', severity: 'info', message: 'This case has no evidence to export.' })
      return
    }
    step(
      platform.host === 'electron'
        ? 'Choose where to save the bundle…'
        : 'Handing the bundle to the browser…',
      null,
    )
    const result = await platform.saveFile({
      title: 'Export evidence bundle',
      suggestedName: bundle.fileName,
      mimeType: 'application/zip',
      filters: [{ name: 'Evidence bundles', extensions: ['zip'] }],
      bytes: new Uint8Array(await bundle.zip.arrayBuffer()),
    })
    if (!result.saved) {
      show({
        state: 'finished',
        severity: 'info',
        message: 'The evidence bundle was not saved (the save dialog was closed); nothing was recorded.',
      })
      return
    }
    await recordEvidenceBundleSaved(thisWorkstation, bundle, analyst)
    const count = bundle.evidenceIds.length
    const what = `${count} evidence item${count === 1 ? '' : 's'}, ${formatBytes(bundle.zip.size)}`
    show({
      state: 'finished',
      severity: 'success',
      // The web host can only hand the file to the browser: where it lands is the browser's setting.
      message:
        platform.host === 'electron'
          ? `Saved the evidence bundle of ${bundle.caseNumber} (${what}) to ${result.location ?? bundle.fileName}.`
          : `The evidence bundle of ${bundle.caseNumber} (${what}) was downloaded as ${bundle.fileName}: the browser saves it in its downloads folder, or where it asked you.`,
    })
  } catch (error) {
    show({
      state: 'finished',
      severity: 'error',
      message: `The evidence bundle was not exported: ${error instanceof Error ? error.message : String(error)}`,
    })
  }
}
