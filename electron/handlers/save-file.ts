import type { PlatformRequest, PlatformResponse } from '@shared/protocol/platform/contract'
import type { BrowserWindow, Dialog } from 'electron'

/** Save dialog, then write the bytes where the analyst chose. */
export function createSaveFileHandler(deps: {
  dialog: Pick<Dialog, 'showSaveDialog'>
  writeFile(path: string, bytes: Uint8Array): Promise<void>
  parentWindow(): BrowserWindow | null
  defaultDirectory(): string
}) {
  return async (request: PlatformRequest<'file:save'>): Promise<PlatformResponse<'file:save'>> => {
    const options = {
      title: request.title,
      defaultPath: `${deps.defaultDirectory()}/${request.suggestedName}`,
      filters: request.filters,
    }
    const parent = deps.parentWindow()
    const choice = parent
      ? await deps.dialog.showSaveDialog(parent, options)
      : await deps.dialog.showSaveDialog(options)
    if (choice.canceled || !choice.filePath) return { saved: false, location: null }
    await deps.writeFile(choice.filePath, request.bytes)
    return { saved: true, location: choice.filePath }
  }
}
