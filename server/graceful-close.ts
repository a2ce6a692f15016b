import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'

/** How long requests in flight may take to finish once the server is stopping. */
export const STOP_GRACE_MS = 10_000

/**
 * Makes `app.close()` finish without waiting on clients. Node's own close leaves a connection that
 * was opened but has not finished sending a request (a browser's preconnect, a proxy's spare
 * connection) open for as long as the client likes. So at close: a connection with no request in
 * flight is closed at once; a request in flight is answered with `Connection: close`; WebSocket
 * clients are sent a close by the WebSocket plugin; whatever is still open after the grace (a slow
 * upload, a WebSocket client that does not answer its close) is cut.
 */
export function closeConnectionsOnStop(app: FastifyInstance, graceMs = STOP_GRACE_MS): void {
  const open = new Set<Socket>()
  /** Sockets serving an HTTP request, or handed over to a WebSocket. */
  const busy = new Set<Socket>()
  let stopping = false
  let cutOff: NodeJS.Timeout | undefined

  app.server.on('connection', (socket: Socket) => {
    if (stopping) return void socket.destroy()
    open.add(socket)
    socket.once('close', () => {
      open.delete(socket)
      busy.delete(socket)
    })
  })
  app.server.on('request', (request, response) => {
    busy.add(request.socket)
    response.once('finish', () => busy.delete(request.socket))
  })
  // A WebSocket's upgrade is no 'request' event; its socket passes through Fastify's hooks once.
  app.addHook('onRequest', async (request) => {
    if (request.raw.headers.upgrade !== undefined) busy.add(request.raw.socket)
  })

  app.addHook('onSend', async (_request, reply) => {
    if (stopping) void reply.header('Connection', 'close')
  })
  app.addHook('preClose', async () => {
    stopping = true
    for (const socket of open) if (!busy.has(socket)) socket.destroy()
    cutOff = setTimeout(() => {
      for (const socket of open) socket.destroy()
    }, graceMs)
    cutOff.unref()
  })
  app.addHook('onClose', async () => clearTimeout(cutOff))
}
