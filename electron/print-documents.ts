import { randomUUID } from 'node:crypto'
import { APP_ORIGIN } from './app-protocol'

const PRINT_PATH = '/print/'

/**
 * Report documents being printed, each served once by the app:// protocol at an unguessable address
 * while its hidden window prints it. (A data: URL cannot carry them: Chromium refuses URLs over 2 MB,
 * and a report's pictures make megabytes.)
 */
export function createPrintDocuments() {
  const documents = new Map<string, string>()
  return {
    publish(html: string): { url: string; withdraw(): void } {
      const url = `${APP_ORIGIN}${PRINT_PATH}${randomUUID()}`
      documents.set(url, html)
      return { url, withdraw: () => documents.delete(url) }
    },
    /** The document at an app:// URL, if one is being printed there. */
    lookup: (url: string): string | undefined => documents.get(url),
  }
}
