import type {
  AppInfo,
  PlatformChannel,
  PlatformEvent,
  PlatformEventPayload,
  PlatformRequest,
  PlatformResponse,
  WorkstationPlatform,
} from '@shared/protocol/platform/contract'
import { platformEvents } from '@shared/protocol/platform/contract'
import { mailtoLink } from '@shared/rules/communications/placeholders'
import { chooseFiles } from './choose-files'
import {
  WEB_HOST_BLOB_PATH,
  WEB_HOST_PRINT_PATH,
  WEB_HOST_SYNC_EVENTS_PATH,
  WEB_HOST_SYNC_PATH,
} from './web-host-paths'

/**
 * A sync channel through the web host's local process, which keeps the session token against a
 * cookie the page cannot read (each browser profile signs in on its own).
 */
async function viaHostProcess(channel: string, request: unknown): Promise<never> {
  const response = await fetch(`${WEB_HOST_SYNC_PATH}${channel.slice('sync:'.length)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(request),
  })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new Error(body?.error ?? `The web host answered ${response.status}.`)
  // The renderer checks every answer against the contract (platform/index.ts).
  return body as never
}

type Listeners = { [E in PlatformEvent]: Set<(payload: PlatformEventPayload<E>) => void> }

/** Shows a browser notification when the analyst allowed them (asked once, on the first one). */
async function showBrowserNotification(
  request: PlatformRequest<'notification:show'>,
  clicked: (caseId: string) => void,
): Promise<PlatformResponse<'notification:show'>> {
  if (typeof Notification === 'undefined') return { shown: false }
  const permission =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission
  if (permission !== 'granted') return { shown: false }
  const notification = new Notification(request.title, { body: request.body, tag: request.caseId })
  notification.onclick = () => {
    window.focus()
    notification.close()
    clicked(request.caseId)
  }
  return { shown: true }
}

/**
 * The web host's implementation of the platform contract, with browser APIs only: a download for
 * "save", a file input for "open", a mailto: link for mail, the Notification API for notifications.
 * It has no menu; its only event is a clicked notification.
 */
export function createWebHostPlatform(appInfo: Omit<AppInfo, 'host' | 'platform'>): WorkstationPlatform {
  const listeners: Listeners = {
    'menu:command': new Set(),
    'notification:clicked': new Set(),
    'sync:changed': new Set(),
  }
  // The host process relays the team server's change notices while anyone listens.
  let changeEvents: EventSource | null = null
  const watchChanges = () => {
    if (changeEvents || listeners['sync:changed'].size === 0) return
    changeEvents = new EventSource(WEB_HOST_SYNC_EVENTS_PATH)
    changeEvents.onmessage = (message) => {
      const sequence = Number(message.data)
      if (Number.isSafeInteger(sequence)) emit('sync:changed', sequence)
    }
  }
  const emit = <E extends PlatformEvent>(event: E, payload: PlatformEventPayload<E>) => {
    for (const listener of listeners[event]) listener(platformEvents[event].parse(payload) as never)
  }
  const handlers: { [C in PlatformChannel]: (request: PlatformRequest<C>) => Promise<PlatformResponse<C>> } =
    {
      'app:getInfo': async () => ({ ...appInfo, host: 'web', platform: navigator.platform || 'web' }),
      'file:save': async (request) => {
        const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>], { type: request.mimeType })
        const url = URL.createObjectURL(blob)
        const link = document.createElement('a')
        link.href = url
        link.download = request.suggestedName
        link.rel = 'noopener'
        document.body.append(link)
        link.click()
        link.remove()
        // Give the browser time to start the download before the URL goes away.
        setTimeout(() => URL.revokeObjectURL(url), 60_000)
        return { saved: true, location: request.suggestedName }
      },
      'file:open': async (request) => ({ files: await chooseFiles(request) }),
      'mail:compose': async (request) => {
        const link = document.createElement('a')
        link.href = mailtoLink(request.to, request.subject, request.body)
        link.click()
        return { opened: true }
      },
      'notification:show': (request) =>
        showBrowserNotification(request, (caseId) => emit('notification:clicked', caseId)),
      // The page cannot print to PDF itself: its local host process prints with the same Chromium engine.
      'report:print': async (request) => {
        const response = await fetch(WEB_HOST_PRINT_PATH, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        })
        if (!response.ok) throw new Error((await response.text()) || `Printing failed (${response.status}).`)
        return { pdf: new Uint8Array(await response.arrayBuffer()) }
      },
      'sync:signIn': (request) => viaHostProcess('sync:signIn', request),
      'sync:signOut': (request) => viaHostProcess('sync:signOut', request),
      'sync:session': (request) => viaHostProcess('sync:session', request),
      'sync:push': (request) => viaHostProcess('sync:push', request),
      'sync:pull': (request) => viaHostProcess('sync:pull', request),
      'sync:team': (request) => viaHostProcess('sync:team', request),
      'sync:caseAudit': (request) => viaHostProcess('sync:caseAudit', request),
      'sync:uploadBlob': async (request) => {
        const response = await fetch(`${WEB_HOST_BLOB_PATH}${request.sha256}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/octet-stream' },
          credentials: 'same-origin',
          body: request.bytes as Uint8Array<ArrayBuffer>,
        })
        if (!response.ok)
          throw new Error((await response.json().catch(() => null))?.error ?? 'Upload failed.')
        return { stored: true }
      },
      'sync:downloadBlob': async (request) => {
        const response = await fetch(`${WEB_HOST_BLOB_PATH}${request.sha256}`, { credentials: 'same-origin' })
        if (!response.ok)
          throw new Error((await response.json().catch(() => null))?.error ?? 'Download failed.')
        return { bytes: new Uint8Array(await response.arrayBuffer()) }
      },
    }
  return {
    host: 'web',
    invoke: (channel, request) => handlers[channel](request),
    on<E extends PlatformEvent>(event: E, listener: (payload: PlatformEventPayload<E>) => void) {
      const set = listeners[event] as Set<typeof listener>
      set.add(listener)
      if (event === 'sync:changed') watchChanges()
      return () => {
        set.delete(listener)
        if (listeners['sync:changed'].size === 0) {
          changeEvents?.close()
          changeEvents = null
        }
      }
    },
  }
}
