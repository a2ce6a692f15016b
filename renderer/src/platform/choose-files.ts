import type { PlatformRequest } from '@shared/protocol/platform/contract'

/** Opens the browser's file chooser and reads the chosen files; resolves with none if the analyst cancels. */
export function chooseFiles(
  request: PlatformRequest<'file:open'>,
): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = request.multiple
    input.accept = request.filters.flatMap((filter) => filter.extensions.map((ext) => `.${ext}`)).join(',')
    input.style.display = 'none'
    // Kept in the document so tests (and assistive tech) can find the chooser.
    input.dataset.platformFileChooser = request.title
    const finish = () => input.remove()
    input.addEventListener('cancel', () => {
      finish()
      resolve([])
    })
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])]
      finish()
      Promise.all(
        files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
      ).then(resolve, reject)
    })
    document.body.append(input)
    input.click()
  })
}
