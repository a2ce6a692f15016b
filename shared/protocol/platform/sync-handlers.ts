import type { SyncGateway } from '../sync/gateway'
import type { PlatformHandlers } from './contract'

type SyncChannel =
  | 'sync:signIn'
  | 'sync:signOut'
  | 'sync:session'
  | 'sync:push'
  | 'sync:pull'
  | 'sync:team'
  | 'sync:uploadBlob'
  | 'sync:downloadBlob'
  | 'sync:caseAudit'

/**
 * The sync channels over the gateway, for either host (Electron's main process, the web host's
 * process): the host holds the token, the page never sees it.
 */
export function createSyncHandlers(gateway: SyncGateway): Pick<PlatformHandlers, SyncChannel> {
  return {
    'sync:signIn': (request) => gateway.signIn(request),
    'sync:signOut': async () => {
      await gateway.signOut()
      return { signedOut: true }
    },
    'sync:session': async () => ({ session: await gateway.session() }),
    // The answers are checked against the contract by the host before they leave.
    'sync:push': async (request) => (await gateway.push(request)) as never,
    'sync:pull': async (request) => (await gateway.pull(request)) as never,
    'sync:team': async () => (await gateway.team()) as never,
    'sync:uploadBlob': async (request) => {
      await gateway.uploadBlob(request.sha256, request.bytes)
      return { stored: true }
    },
    'sync:downloadBlob': async (request) => ({ bytes: await gateway.downloadBlob(request.sha256) }),
    'sync:caseAudit': async (request) => (await gateway.caseAudit(request.caseId)) as never,
  }
}
