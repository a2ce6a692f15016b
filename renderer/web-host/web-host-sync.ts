import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { WEB_HOST_SYNC_EVENTS_PATH, WEB_HOST_SYNC_PATH } from '@platform/web-host-paths'
import { type PlatformChannel, platformChannels } from '@shared/protocol/platform/contract'
import { createSyncHandlers } from '@shared/protocol/platform/sync-handlers'
import { type ChangeFeed, createChangeFeed } from '@shared/protocol/sync/change-feed'
import {
  createSyncGateway,
  memoryVault,
  type SessionVault,
  SignedOutError,
} from '@shared/protocol/sync/gateway'
import { describeIssues } from '@shared/validation'
import { openChangeSocket } from './change-socket'

const COOKIE = 'crw-sync'

function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status
  response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.setHeader('Cache-Control', 'no-store')
  response.end(JSON.stringify(body))
}
const MAX_BODY = 64 * 1024 * 1024

/**
 * The web host's side of "sync:*": the same gateway as Electron's main process. Each browser
 * profile gets an HttpOnly cookie naming its own vault here, so the page never holds the token and
 * two profiles (two analysts) can be signed in at once. Sessions live as long as this process.
 */
export function createWebHostSync(options: { fetch?: typeof fetch } = {}) {
  interface Profile {
    vault: SessionVault
    feed: ChangeFeed
  }
  const profiles = new Map<string, Profile>()
  const newProfile = (): Profile => {
    // Truthfully memory only: the page's Settings tells the analyst a restart signs them out.
    const vault = memoryVault('the web host keeps it in its own process, never on disk')
    const feed = createChangeFeed({
      vault,
      open: openChangeSocket,
      setTimer: (run, ms) => {
        const timer = setTimeout(run, ms)
        return () => clearTimeout(timer)
      },
      random: Math.random,
    })
    return { vault, feed }
  }
  /** The profile the request's cookie names, or a new one (with its cookie set on the response). */
  const profileOf = (request: IncomingMessage, response: ServerResponse): Profile => {
    let id = /(?:^|;\s*)crw-sync=([A-Za-z0-9_-]{32,})/.exec(request.headers.cookie ?? '')?.[1]
    if (!id || !profiles.has(id)) {
      id = randomBytes(32).toString('base64url')
      profiles.set(id, newProfile())
      response.setHeader(
        'Set-Cookie',
        `${COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=${WEB_HOST_SYNC_PATH}`,
      )
    }
    return profiles.get(id)!
  }

  /** Evidence bytes: PUT from the page to the team server, GET from the team server to the page. */
  async function handleBlob(
    request: IncomingMessage,
    response: ServerResponse,
    origin: string,
    sha256: string,
  ) {
    const answer = (status: number, body: unknown) => answerJson(response, status, body)
    const call = platformChannels[request.method === 'PUT' ? 'sync:uploadBlob' : 'sync:downloadBlob']
    if (request.method !== 'PUT' && request.method !== 'GET')
      return answer(405, { error: 'PUT or GET evidence bytes.' })
    if (request.method === 'PUT' && request.headers.origin !== origin)
      return answer(403, { error: 'Only the workstation itself may sync here.' })
    const handlers = createSyncHandlers(
      createSyncGateway({
        fetch: options.fetch ?? globalThis.fetch,
        vault: profileOf(request, response).vault,
      }),
    )
    try {
      if (request.method === 'GET') {
        const parsed = platformChannels['sync:downloadBlob'].request.safeParse({ sha256 })
        if (!parsed.success) return answer(400, { error: describeIssues(parsed.error) })
        const { bytes } = await handlers['sync:downloadBlob'](parsed.data)
        response.statusCode = 200
        response.setHeader('Content-Type', 'application/octet-stream')
        response.setHeader('Cache-Control', 'no-store')
        response.end(Buffer.from(bytes))
        return
      }
      const chunks: Buffer[] = []
      for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk)
      const parsed = call.request.safeParse({ sha256, bytes: new Uint8Array(Buffer.concat(chunks)) })
      if (!parsed.success) return answer(400, { error: describeIssues(parsed.error) })
      answer(200, await handlers['sync:uploadBlob'](parsed.data as never))
    } catch (error) {
      answer(error instanceof SignedOutError ? 401 : 502, {
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }

  return async function handleSync(
    request: IncomingMessage,
    response: ServerResponse,
    origin: string,
    operation: string,
  ): Promise<void> {
    const answer = (status: number, body: unknown) => answerJson(response, status, body)
    if (
      operation === WEB_HOST_SYNC_EVENTS_PATH.slice(WEB_HOST_SYNC_PATH.length) &&
      request.method === 'GET'
    ) {
      // Server-sent events: the team server's change notices, for as long as the page listens.
      const { feed } = profileOf(request, response)
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      response.write(': listening\n\n')
      const stop = feed.subscribe((sequence) => response.write(`data: ${sequence}\n\n`))
      request.on('close', stop)
      return
    }
    if (operation.startsWith('blob/'))
      return handleBlob(request, response, origin, operation.slice('blob/'.length))
    const channel = `sync:${operation}` as PlatformChannel
    if (!Object.hasOwn(platformChannels, channel) || !channel.startsWith('sync:'))
      return answer(404, { error: 'No such sync operation.' })
    if (request.method !== 'POST') return answer(405, { error: 'POST to sync.' })
    if (request.headers.origin !== origin)
      return answer(403, { error: 'Only the workstation itself may sync here.' })
    if (!request.headers['content-type']?.startsWith('application/json'))
      return answer(415, { error: 'Send JSON.' })

    const profile = profileOf(request, response)
    const handlers = createSyncHandlers(
      createSyncGateway({
        fetch: options.fetch ?? globalThis.fetch,
        vault: profile.vault,
        onSessionChange: () => void profile.feed.restart(),
      }),
    ) as Record<string, (request: unknown) => Promise<unknown>>

    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > MAX_BODY) return answer(413, { error: 'The sync request is too large.' })
      chunks.push(chunk)
    }
    let body: unknown
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return answer(400, { error: 'The sync request is not valid JSON.' })
    }
    const schema = platformChannels[channel]
    const parsed = schema.request.safeParse(body)
    if (!parsed.success)
      return answer(400, { error: `Invalid "${channel}" request: ${describeIssues(parsed.error)}` })
    try {
      const result = schema.response.safeParse(await handlers[channel]!(parsed.data))
      if (!result.success)
        return answer(502, {
          error: `The team server's answer is not valid: ${describeIssues(result.error)}`,
        })
      answer(200, result.data)
    } catch (error) {
      answer(error instanceof SignedOutError ? 401 : 502, {
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }
}
