import type { WebContents } from 'electron'
import { APP_ORIGIN } from './app-protocol'

/** The only pages the window may show: the app itself, or the dev server during `npm run dev`. */
export function createTrustedOriginCheck(devServerUrl: string | undefined): (url: string) => boolean {
  const trusted = new Set([APP_ORIGIN])
  if (devServerUrl) trusted.add(new URL(devServerUrl).origin)
  return (url) => {
    try {
      const parsed = new URL(url)
      return (
        trusted.has(parsed.origin) ||
        (parsed.protocol === 'app:' && `${parsed.protocol}//${parsed.host}` === APP_ORIGIN)
      )
    } catch {
      return false
    }
  }
}

/**
 * Schemes the renderer may load besides its own origin: data: and blob: URLs it makes itself; the
 * DevTools' own pages (and extensions such as React's) only in an unpackaged development run.
 */
export function allowedRequestSchemes(isPackaged: boolean): ReadonlySet<string> {
  return new Set(isPackaged ? ['data:', 'blob:'] : ['data:', 'blob:', 'devtools:', 'chrome-extension:'])
}

/** Requests the renderer may make: its own origin and the allowed schemes; nothing remote. */
export function isAllowedRequest(
  url: string,
  isTrusted: (url: string) => boolean,
  allowedSchemes: ReadonlySet<string>,
): boolean {
  if (isTrusted(url)) return true
  const colon = url.indexOf(':')
  return colon > 0 && allowedSchemes.has(url.slice(0, colon + 1).toLowerCase())
}

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** No navigation away from the app, no new windows, no <webview>. */
export function hardenWebContents(contents: Contents, isTrusted: (url: string) => boolean): void {
  const denyUntrusted = (event: { preventDefault(): void }, url: string) => {
    if (!isTrusted(url)) event.preventDefault()
  }
  contents.on('will-navigate', denyUntrusted)
  contents.on('will-redirect', denyUntrusted)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** Camera, microphone, geolocation ... are never needed; notifications will be (SLA alerts). */
export function decidePermission(
  permission: string,
  details: { requestingUrl: string },
  isTrusted: (url: string) => boolean,
): boolean {
  return permission === 'notifications' && isTrusted(details.requestingUrl)
}
