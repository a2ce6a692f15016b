import { basename } from 'node:path'
import { formatBytes } from '@shared/byte-size'
import type { PlatformRequest, PlatformResponse } from '@shared/protocol/platform/contract'
import type { BrowserWindow, Dialog } from 'electron'

/** Files larger than this are refused here; evidence import reads large files in the renderer. */
export const OPEN_FILE_LIMIT_BYTES = 2 * 1024 ** 3

/** Open dialog, then read what the analyst chose, refusing files over the limit before reading them. */
export function createOpenFileHandler(deps: {
  dialog: Pick<Dialog, 'showOpenDialog'>
  fileSize(path: string): Promise<number>
  readFile(path: string): Promise<Uint8Array>
  parentWindow(): BrowserWindow | null
  limitBytes?: number
}) {
  const limit = deps.limitBytes ?? OPEN_FILE_LIMIT_BYTES
  return async (request: PlatformRequest<'file:open'>): Promise<PlatformResponse<'file:open'>> => {
    const options = {
      title: request.title,
      filters: request.filters,
      properties: request.multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
    }
    const parent = deps.parentWindow()
    const choice = parent
      ? await deps.dialog.showOpenDialog(parent, { ...options, properties: [...options.properties] })
      : await deps.dialog.showOpenDialog({ ...options, properties: [...options.properties] })
    if (choice.canceled) return { files: [] }
    const files = []
    for (const path of choice.filePaths) {
      const size = await deps.fileSize(path)
      if (size > limit) {
        throw new Error(
          `${basename(path)} is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for opening files.`,
        )
      }
      files.push({ name: basename(path), bytes: await deps.readFile(path) })
    }
    return { files }
  }
}
