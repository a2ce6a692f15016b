import { repositories } from '@db/instance'
import { platform } from '@platform'
import { exportCaseBundle } from '@services/case-bundles/export-case-bundle'
import { importCaseBundle } from '@services/case-bundles/import-case-bundle'
import { thisWorkstation } from '@services/this-workstation'
import type { Actor } from '@shared/domain'
import { notify } from '@ui/notices'

const ZIP_FILTER = [{ name: 'Case bundles', extensions: ['zip'] }]
const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`

/** Import case bundles the analyst picks; each bundle is all-or-nothing. Used by the button and the menu. */
export async function importCaseBundles(analyst: Actor): Promise<void> {
  const files = await platform.openFiles({ title: 'Import case bundle', filters: ZIP_FILTER, multiple: true })
  for (const file of files) {
    const outcome = await importCaseBundle(thisWorkstation, file.bytes, analyst)
    if (outcome.ok) {
      const { added, updated, unchanged } = outcome.summary
      notify(
        'success',
        `Imported ${plural(added + updated, 'case')} from ${file.name} (${added} new, ${updated} updated, ${unchanged} unchanged).`,
      )
    } else {
      notify('error', `${file.name} was not imported: ${outcome.error}`)
    }
  }
}

/** Export the given cases (one case, or all) as a bundle saved where the analyst chooses. */
export async function exportCases(
  caseIds: readonly string[],
  analyst: Actor,
  suggestedName: string,
): Promise<void> {
  if (caseIds.length === 0) {
    notify('info', 'There are no cases to export.')
    return
  }
  const info = await platform.getAppInfo()
  const bytes = await exportCaseBundle(thisWorkstation, caseIds, analyst, info.version)
  const result = await platform.saveFile({
    title: 'Export cases',
    suggestedName,
    mimeType: 'application/zip',
    filters: ZIP_FILTER,
    bytes,
  })
  if (result.saved)
    notify('success', `Exported ${plural(caseIds.length, 'case')} to ${result.location ?? suggestedName}.`)
}

export async function exportAllCases(analyst: Actor): Promise<void> {
  const ids = await repositories.cases.queueCaseIds()
  await exportCases(ids, analyst, `cases-${new Date().toISOString().slice(0, 10)}.zip`)
}

export async function exportOneCase(caseId: string, analyst: Actor): Promise<void> {
  const record = await repositories.cases.get(caseId)
  if (record) await exportCases([caseId], analyst, `${record.caseNumber}.zip`)
}

/** Runs an action started by the analyst and reports any failure instead of losing it. */
export function runReported(action: () => Promise<void>): void {
  action().catch((error: unknown) => notify('error', error instanceof Error ? error.message : String(error)))
}
