import type {
  AppInfo,
  PlatformChannel,
  PlatformEvent,
  PlatformEventPayload,
  PlatformRequest,
  PlatformResponse,
  WorkstationPlatform,
} from '../../../shared/platform/contract'
import { chooseFiles } from './choose-files'

/**
 * The web host's implementation of the platform contract, with browser APIs only: a download for
 * "save", a file input for "open". It has no menu, so no events are ever emitted.
 */
export function createWebHostPlatform(appInfo: Omit<AppInfo, 'host' | 'platform'>): WorkstationPlatform {
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
    }
  return {
    host: 'web',
    invoke: (channel, request) => handlers[channel](request),
    on:
      <E extends PlatformEvent>(_event: E, _listener: (payload: PlatformEventPayload<E>) => void) =>
      () => {},
  }
}
