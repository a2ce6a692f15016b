// The renderer's only door to the main process: the platform contract, nothing else.

import {
  isPlatformChannel,
  type PlatformEvent,
  platformEvents,
  type WorkstationPlatform,
} from '@shared/protocol/platform/contract'
import { contextBridge, ipcRenderer } from 'electron'

const workstation: WorkstationPlatform = {
  host: 'electron',
  invoke(channel, request) {
    if (!isPlatformChannel(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`))
    return ipcRenderer.invoke(channel, request)
  },
  on(event, listener) {
    if (!Object.hasOwn(platformEvents, event)) return () => {}
    const forward = (_: unknown, payload: unknown) => {
      const parsed = platformEvents[event as PlatformEvent].safeParse(payload)
      if (parsed.success) listener(parsed.data as never)
    }
    ipcRenderer.on(event, forward)
    return () => ipcRenderer.removeListener(event, forward)
  },
}

contextBridge.exposeInMainWorld('workstation', workstation)
