import type {
  AppInfo,
  FileFilter,
  MenuCommand,
  PlatformChannel,
  PlatformRequest,
  PlatformResponse,
  WorkstationPlatform,
} from '@shared/protocol/platform/contract'
import { platformChannels, platformEvents } from '@shared/protocol/platform/contract'
import { describeIssues } from '@shared/validation'
import { createWebHostPlatform } from './web-host'

declare global {
  interface Window {
    /** Exposed by the Electron preload script; absent in the web host. */
    workstation?: WorkstationPlatform
  }
  /** The app version from package.json, injected at build time. */
  const __APP_VERSION__: string
}

const host: WorkstationPlatform =
  window.workstation ??
  createWebHostPlatform({ name: 'Critical Response Workstation', version: __APP_VERSION__ })

/** Calls the host and validates its answer: the renderer never trusts the other side of the boundary. */
async function call<C extends PlatformChannel>(
  channel: C,
  request: PlatformRequest<C>,
): Promise<PlatformResponse<C>> {
  const response = await host.invoke(channel, request)
  const parsed = platformChannels[channel].response.safeParse(response)
  if (!parsed.success) {
    throw new Error(`The app host answered "${channel}" unexpectedly: ${describeIssues(parsed.error)}`)
  }
  return parsed.data as PlatformResponse<C>
}

export interface SaveFileRequest {
  title: string
  suggestedName: string
  mimeType: string
  filters: FileFilter[]
  bytes: Uint8Array
}

/** The renderer's typed view of its host (Electron or the web host). */
export const platform = {
  host: host.host,
  getAppInfo: (): Promise<AppInfo> => call('app:getInfo', {}),
  saveFile: (request: SaveFileRequest) => call('file:save', request),
  openFiles: async (request: { title: string; filters: FileFilter[]; multiple: boolean }) =>
    (await call('file:open', request)).files,
  /** Opens a draft in the analyst's mail client. */
  composeMail: (request: PlatformRequest<'mail:compose'>) => call('mail:compose', request),
  /** A desktop notification about a case; false when the system or the analyst does not allow them. */
  showCaseNotification: async (request: PlatformRequest<'notification:show'>) =>
    (await call('notification:show', request)).shown,
  /** A print document (a report) as PDF bytes, from Chromium's print engine. */
  printToPdf: async (html: string) => (await call('report:print', { html })).pdf,
  /** Team sync through the host, which keeps the session token (the page never sees it). */
  teamServer: {
    signIn: (request: PlatformRequest<'sync:signIn'>) => call('sync:signIn', request),
    signOut: () => call('sync:signOut', {}),
    session: async () => (await call('sync:session', {})).session,
    push: (request: PlatformRequest<'sync:push'>) => call('sync:push', request),
    pull: (request: PlatformRequest<'sync:pull'>) => call('sync:pull', request),
    team: async () => (await call('sync:team', {})).members,
    uploadBlob: (sha256: string, bytes: Uint8Array) => call('sync:uploadBlob', { sha256, bytes }),
    downloadBlob: async (sha256: string) => (await call('sync:downloadBlob', { sha256 })).bytes,
    /** A case's server audit with its hash-chain proof (a lead's or an admin's). */
    caseAudit: (caseId: string) => call('sync:caseAudit', { caseId }),
    /** The team server has new changes (its WebSocket, relayed by the host). */
    onChanged(listener: (sequence: number) => void): () => void {
      return host.on('sync:changed', (payload) => {
        const parsed = platformEvents['sync:changed'].safeParse(payload)
        if (parsed.success) listener(parsed.data)
      })
    },
  },
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    return host.on('menu:command', (payload) => {
      const parsed = platformEvents['menu:command'].safeParse(payload)
      if (parsed.success) listener(parsed.data)
    })
  },
  /** The case whose notification the analyst clicked. */
  onNotificationClicked(listener: (caseId: string) => void): () => void {
    return host.on('notification:clicked', (payload) => {
      const parsed = platformEvents['notification:clicked'].safeParse(payload)
      if (parsed.success) listener(parsed.data)
    })
  },
}
