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

/** Requests the renderer may make: its own origin, data:/blob: URLs and devtools; nothing remote. */
export function isAllowedRequest(url: string, isTrusted: (url: string) => boolean): boolean {
  if (isTrusted(url)) return true
  const scheme = url.slice(0, url.indexOf(':') + 1)
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:' || scheme === 'chrome-extension:'
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
