import {
  type PlatformChannel,
  type PlatformHandlers,
  platformChannels,
} from '@shared/protocol/platform/contract'
import { describeIssues } from '@shared/validation'
import type { IpcMainInvokeEvent } from 'electron'

interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
}

/**
 * One ipcMain handler per contract channel: the sender must be the app's own frame, the request must
 * match the channel's schema, and the answer is checked before it leaves the main process.
 */
export function registerPlatformHandlers(deps: {
  ipcMain: IpcMainLike
  handlers: PlatformHandlers
  isTrustedSender(frameUrl: string): boolean
}): void {
  for (const channel of Object.keys(platformChannels) as PlatformChannel[]) {
    deps.ipcMain.handle(channel, async (event, payload) => {
      const frameUrl = event.senderFrame?.url ?? ''
      if (!deps.isTrustedSender(frameUrl)) {
        throw new Error(`Refused "${channel}" from an untrusted page (${frameUrl || 'unknown'}).`)
      }
      const schema = platformChannels[channel]
      const request = schema.request.safeParse(payload)
      if (!request.success) throw new Error(`Invalid "${channel}" request: ${describeIssues(request.error)}`)
      const handler = deps.handlers[channel] as (request: unknown) => Promise<unknown>
      const response = schema.response.safeParse(await handler(request.data))
      if (!response.success)
        throw new Error(`"${channel}" produced an invalid answer: ${describeIssues(response.error)}`)
      return response.data
    })
  }
}
