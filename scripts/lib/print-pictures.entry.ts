// Bundled for the command line's Chromium page: prepares figure pictures with the app's own code.

import { preparePrintPicture } from '@media/print-picture'
import { preparePrintThumbnail } from '@media/print-thumbnail'
import type { PageMark } from '@shared/domain'

// A global the page script defines for page.evaluate to call.
declare global {
  var preparePrintPictureFromBase64: (
    base64: string,
    type: string,
    marks: PageMark[],
  ) => ReturnType<typeof preparePrintPicture>
  var preparePrintThumbnailFromBase64: (
    base64: string,
    type: string,
    marks: PageMark[],
  ) => ReturnType<typeof preparePrintThumbnail>
}

const blobOf = (base64: string, type: string) =>
  new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type })

globalThis.preparePrintPictureFromBase64 = (base64, type, marks) =>
  preparePrintPicture(blobOf(base64, type), marks)
globalThis.preparePrintThumbnailFromBase64 = (base64, type, marks) =>
  preparePrintThumbnail(blobOf(base64, type), marks)
