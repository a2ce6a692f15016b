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

/** What a Node host's WebSocket class (the `ws` package) offers that the change socket uses. */
export interface NodeWebSocket {
  on(event: 'message', listener: (data: { toString(): string }) => void): unknown
  on(event: 'close' | 'error', listener: () => void): unknown
  terminate(): void
}
export type NodeWebSocketClass = new (
  url: string,
  options: { headers: Record<string, string>; maxPayload: number },
) => NodeWebSocket

/**
 * The change WebSocket in a Node host (Electron's main process, the web host's process), each host
 * passing its own WebSocket class so that neither imports the other.
 */
export function nodeChangeSocketOpener(WebSocket: NodeWebSocketClass): OpenChangeSocket {
  return (url, token, handlers) => {
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` }, maxPayload: 1024 })
    socket.on('message', (data) => handlers.onMessage(data.toString()))
    socket.on('close', () => handlers.onClose())
    // An error is followed by close, which schedules the retry.
    socket.on('error', () => {})
    return { close: () => socket.terminate() }
  }
}

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
