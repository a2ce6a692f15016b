import { isAbsolute, relative, resolve } from 'node:path'
import { PRINT_DOCUMENT_CSP } from '@shared/formats/print-document'
import { STRICT_CSP } from '@shared/protocol/platform/csp'

/** The renderer is served from app://workstation/, a privileged standard scheme, never from file://. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://workstation`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * Maps an app:// URL to a file inside the built renderer, or null when the URL is not ours or would
 * escape the renderer folder (../, encoded separators, absolute paths).
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'workstation') return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const root = resolve(rendererDir)
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`)
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return file
}

/**
 * Answers app:// requests from the built renderer, with the strict CSP as a header too, and the
 * report documents being printed (see print-documents.ts) with the print document's CSP.
 */
export function createAppProtocolHandler(deps: {
  rendererDir: string
  fetchFile(path: string): Promise<Response>
  printDocument?(url: string): string | undefined
}): (request: Request) => Promise<Response> {
  return async (request) => {
    const printing = deps.printDocument?.(request.url)
    if (printing !== undefined)
      return new Response(printing, {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': PRINT_DOCUMENT_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    const file = resolveAppAsset(deps.rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await deps.fetchFile(file)
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', STRICT_CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  }
}
