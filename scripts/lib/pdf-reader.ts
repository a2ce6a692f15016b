import { outlineEntries } from '@shared/formats/report/pdf-outline'
import type { OutlineEntry } from '@shared/formats/report/report-pdf'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * A printed PDF read back in Node with pdf.js: each page's text, its outline and its metadata. A
 * password-protected file opens only with its password (pdf.js throws a PasswordException otherwise).
 */
export async function readPdf(
  bytes: Uint8Array,
  password?: string,
): Promise<{
  pages: string[]
  outline: OutlineEntry[]
  info: Record<string, unknown>
}> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    ...(password === undefined ? {} : { password }),
  }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent()
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/[ \t]+/g, ' '),
      )
    }
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> }
    return { pages, outline: await outlineEntries(pdf), info }
  } finally {
    await pdf.destroy()
  }
}
