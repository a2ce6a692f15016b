import { z } from 'zod'
import { retryDelay } from './engine'
import type { SessionVault } from './gateway'

/** What the server's change WebSocket says: the latest change sequence. */
export const ChangeNoticeSchema = z.object({ sequence: z.number().int().min(0) })

export interface ChangeSocket {
  close(): void
}
/** Opens the server's change WebSocket with the session token (the `ws` package in Node hosts). */
export type OpenChangeSocket = (
  url: string,
  token: string,
  handlers: { onMessage(text: string): void; onClose(): void },
) => ChangeSocket

/** The change WebSocket's address for a server: http → ws, https → wss. */
export const changeSocketUrl = (serverUrl: string) => `${serverUrl.replace(/^http/, 'ws')}/v1/changes`

/**
 * The host's end of the change WebSocket: one connection while anyone listens and a session exists,
 * reconnecting with backoff when it drops, so a workstation pulls as soon as others push.
 */
export function createChangeFeed(deps: {
  vault: SessionVault
  open: OpenChangeSocket
  setTimer(run: () => void, ms: number): () => void
  random(): number
}) {
  const listeners = new Set<(sequence: number) => void>()
  let socket: ChangeSocket | null = null
  let cancelRetry: (() => void) | null = null
  let failures = 0
  let generation = 0

  async function connect(): Promise<void> {
    const mine = ++generation
    cancelRetry?.()
    cancelRetry = null
    socket?.close()
    socket = null
    if (listeners.size === 0) return
    const session = await deps.vault.load()
    if (!session || mine !== generation) return
    socket = deps.open(changeSocketUrl(session.serverUrl), session.token, {
      onMessage(text) {
        failures = 0
        let notice: unknown
        try {
          notice = JSON.parse(text)
        } catch {
          return
        }
        const parsed = ChangeNoticeSchema.safeParse(notice)
        if (parsed.success) for (const listener of listeners) listener(parsed.data.sequence)
      },
      onClose() {
        if (mine !== generation) return
        socket = null
        failures++
        cancelRetry = deps.setTimer(() => void connect(), retryDelay(failures, deps.random))
      },
    })
  }

  return {
    /** Calls `listener` with the server's latest sequence on connecting and after every write. */
    subscribe(listener: (sequence: number) => void): () => void {
      listeners.add(listener)
      if (listeners.size === 1) void connect()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) void connect()
      }
    },
    /** After signing in or out: reconnect with the new session, or stay closed without one. */
    restart: () => connect(),
  }
}
export type ChangeFeed = ReturnType<typeof createChangeFeed>
