// Bundled for the command line's Chromium page: prepares figure pictures with the app's own code.

import { preparePrintPicture } from '../../renderer/src/features/report/print-picture'
import type { PageMark } from '../../shared/domain'

// A global the page script defines for page.evaluate to call.
declare global {
  var preparePrintPictureFromBase64: (
    base64: string,
    type: string,
    marks: PageMark[],
  ) => ReturnType<typeof preparePrintPicture>
}

globalThis.preparePrintPictureFromBase64 = (base64, type, marks) =>
  preparePrintPicture(
    new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type }),
    marks,
  )
