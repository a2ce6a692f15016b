import type { OpenChangeSocket } from '@shared/protocol/sync/change-feed'
import WebSocket from 'ws'

/** The change WebSocket in a Node host (Electron's main process, the web host's process). */
export const openChangeSocket: OpenChangeSocket = (url, token, handlers) => {
  const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` }, maxPayload: 1024 })
  socket.on('message', (data) => handlers.onMessage(data.toString()))
  socket.on('close', () => handlers.onClose())
  // An error is followed by close, which schedules the retry.
  socket.on('error', () => {})
  return { close: () => socket.terminate() }
}
