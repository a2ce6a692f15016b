import { Agent, request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { databasePerTest, PGLITE } from '../fixtures/server-databases'
import { startTestServer, type TestServer } from '../fixtures/test-server'

const password = 'a long enough password'
const database = databasePerTest(PGLITE)
let server: TestServer
let app: TestServer['app']
let url: string
let port: number
const sockets: Socket[] = []

beforeEach(async () => {
  server = await startTestServer(database.db)
  app = server.app
  await server.accounts.createUser(
    { username: 'riley', displayName: 'Riley Chen', role: 'analyst', password },
    null,
  )
  url = await app.listen({ host: '127.0.0.1', port: 0 })
  port = Number(new URL(url).port)
})
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await server.close()
})

const opened = (socket: Socket) =>
  new Promise<Socket>((resolve) => {
    sockets.push(socket)
    socket.once('connect', () => resolve(socket))
  })
const closedBy = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))

/** Milliseconds `app.close()` takes. */
async function timeClose(): Promise<number> {
  const started = Date.now()
  await app.close()
  return Date.now() - started
}

describe('stopping the server', { timeout: 60_000 }, () => {
  it('does not wait on idle keep-alive connections, connections never used, or WebSocket clients', async () => {
    const agent = new Agent({ keepAlive: true })
    const health = await new Promise<number>((resolve) =>
      httpRequest(`${url}/v1/health`, { agent }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      }).end(),
    )
    expect(health).toBe(200)
    const neverUsed = await opened(connect(port, '127.0.0.1'))
    const halfSent = await opened(connect(port, '127.0.0.1'))
    halfSent.write('GET /v1/health HTTP/1.1\r\nHost: x\r\n')
    const token = (
      await (
        await fetch(`${url}/v1/sessions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'riley', password }),
        })
      ).json()
    ).token as string
    const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/changes`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    await new Promise((resolve) => socket.once('message', resolve))
    const socketClosed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    const rawClosed = Promise.all([closedBy(neverUsed), closedBy(halfSent)])

    const ms = await timeClose()
    expect(ms).toBeLessThan(2_000)
    await rawClosed
    expect(await socketClosed).toBeGreaterThan(0)
    agent.destroy()
  })

  it('lets a request in flight finish, then closes its connection', async () => {
    const body = JSON.stringify({ username: 'riley', password })
    const answer = new Promise<{ status: number; connection: string | undefined; text: string }>(
      (resolve) => {
        const request = httpRequest(
          `${url}/v1/sessions`,
          {
            method: 'POST',
            agent: new Agent({ keepAlive: true }),
            headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
          },
          (response) => {
            let text = ''
            response.on('data', (chunk) => {
              text += chunk
            })
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, text }),
            )
          },
        )
        request.write(body.slice(0, 10))
        // The rest arrives after the server has begun to stop.
        setTimeout(() => request.end(body.slice(10)), 300)
      },
    )
    await new Promise((resolve) => setTimeout(resolve, 100))
    const ms = await timeClose()
    const answered = await answer
    expect(answered.status).toBe(200)
    expect(JSON.parse(answered.text).user.username).toBe('riley')
    expect(answered.connection).toBe('close')
    expect(ms).toBeLessThan(5_000)
  })
})
