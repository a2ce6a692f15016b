import type { Readable } from 'node:stream'
import websocket from '@fastify/websocket'
import Fastify, { type FastifyReply, type FastifyRequest, LogController } from 'fastify'
import { z } from 'zod'
import { PullRequestSchema, PushRequestSchema, SignInRequestSchema } from '../shared/sync/protocol'
import { describeIssues } from '../shared/validation'
import { AccountError, type Accounts, type User } from './accounts'
import { BlobHashMismatchError, type BlobStore, SHA256_PATTERN } from './blob-store'
import type { ChangeNotices } from './change-notices'
import type { SyncService } from './sync-service'

const UserChangeSchema = z.object({ disabled: z.boolean() }).strict()

/**
 * The team server's HTTP API. Every body is checked against the shared protocol before anything is
 * done with it; every route but sign-in needs a session token. Logs carry no personal data: request
 * logging is off, and the server logs only method, route, status and timing itself.
 */
/** The largest evidence file the server takes (the workstation's own limit is at most this). */
export const MAX_BLOB_BYTES = 64 * 1024 ** 3

export function createServerApp(deps: {
  accounts: Accounts
  sync: SyncService
  notices: ChangeNotices
  blobs: BlobStore
  logger?: boolean
}) {
  const app = Fastify({
    logger: deps.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024 * 1024,
  })

  const parse = <T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined => {
    const parsed = schema.safeParse(body)
    if (parsed.success) return parsed.data
    void reply.code(400).send({ error: `Not a valid request: ${describeIssues(parsed.error)}` })
    return undefined
  }
  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<User | undefined> => {
    const header = request.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
    const user = token ? await deps.accounts.authenticate(token) : null
    if (!user) {
      void reply.code(401).send({ error: 'Sign in again: the session is missing, expired or revoked.' })
      return undefined
    }
    return user
  }

  app.addHook('onResponse', async (request, reply) => {
    if (deps.logger)
      app.log.info({
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      })
  })

  app.get('/v1/health', async () => ({ ok: true }))

  app.post('/v1/sessions', async (request, reply) => {
    const body = parse(SignInRequestSchema, request.body, reply)
    if (!body) return
    const session = await deps.accounts.signIn(body.username, body.password)
    if (!session) return reply.code(401).send({ error: 'The user name or password is not right.' })
    return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user }
  })

  app.delete('/v1/sessions', async (request, reply) => {
    const header = request.headers.authorization ?? ''
    if (header.startsWith('Bearer ')) await deps.accounts.signOut(header.slice('Bearer '.length))
    return reply.code(204).send()
  })

  app.get('/v1/team', async (request, reply) => {
    const user = await signedIn(request, reply)
    if (!user) return
    return { members: await deps.accounts.team() }
  })

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<User | undefined> => {
    const user = await signedIn(request, reply)
    if (user && user.role !== 'admin') {
      void reply.code(403).send({ error: 'Only an admin manages users.' })
      return undefined
    }
    return user
  }

  app.post('/v1/users', async (request, reply) => {
    const admin = await adminOnly(request, reply)
    if (!admin) return
    try {
      return reply.code(201).send(await deps.accounts.createUser(request.body as never, admin))
    } catch (error) {
      if (error instanceof AccountError) return reply.code(400).send({ error: error.message })
      throw error
    }
  })

  app.patch('/v1/users/:id', async (request, reply) => {
    const admin = await adminOnly(request, reply)
    const body = admin && parse(UserChangeSchema, request.body, reply)
    if (!admin || !body) return
    const { id } = request.params as { id: string }
    if (!(await deps.accounts.setDisabled(id, body.disabled, admin)))
      return reply.code(404).send({ error: 'No such user.' })
    return reply.code(204).send()
  })

  // A WebSocket that says when new changes exist ({"sequence": n}); clients then pull. It carries no
  // record data, so what a user may read is still decided by pull alone.
  void app.register(websocket, { options: { maxPayload: 1024 } })
  void app.register(async (scoped) => {
    scoped.get(
      '/v1/changes',
      {
        websocket: true,
        preValidation: async (request, reply) => {
          await signedIn(request, reply)
        },
      },
      (socket) => {
        const send = (sequence: number) => socket.send(JSON.stringify({ sequence }))
        send(deps.notices.latest())
        const unsubscribe = deps.notices.subscribe(send)
        const alive = setInterval(() => socket.ping(), 30_000)
        socket.on('close', () => {
          clearInterval(alive)
          unsubscribe()
        })
      },
    )
  })

  // Evidence bytes by SHA-256: streamed to disk and stored only if they hash to their name. Only
  // someone who may read an evidence record citing the hash may store or fetch it.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload))
  const blobAccess = async (request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> => {
    const user = await signedIn(request, reply)
    if (!user) return undefined
    const { sha256 } = request.params as { sha256: string }
    if (!SHA256_PATTERN.test(sha256)) {
      void reply.code(400).send({ error: 'A blob is named by its SHA-256: 64 lowercase hex digits.' })
      return undefined
    }
    if (!(await deps.sync.mayReadBlob(user, sha256))) {
      void reply.code(404).send({ error: 'No evidence you may read has these bytes.' })
      return undefined
    }
    return sha256
  }
  app.put('/v1/blobs/:sha256', { bodyLimit: MAX_BLOB_BYTES }, async (request, reply) => {
    const sha256 = await blobAccess(request, reply)
    if (!sha256) return
    if (await deps.blobs.has(sha256)) {
      ;(request.body as Readable).resume()
      return reply.code(200).send({ stored: true })
    }
    try {
      await deps.blobs.put(sha256, request.body as Readable)
    } catch (error) {
      if (error instanceof BlobHashMismatchError) return reply.code(400).send({ error: error.message })
      throw error
    }
    return reply.code(201).send({ stored: true })
  })
  app.get('/v1/blobs/:sha256', async (request, reply) => {
    const sha256 = await blobAccess(request, reply)
    if (!sha256) return
    if (!(await deps.blobs.has(sha256)))
      return reply.code(404).send({ error: 'These evidence bytes have not reached the server yet.' })
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Length', await deps.blobs.size(sha256))
      .send(deps.blobs.read(sha256))
  })

  app.post('/v1/sync/push', async (request, reply) => {
    const user = await signedIn(request, reply)
    const body = user && parse(PushRequestSchema, request.body, reply)
    if (!user || !body) return
    return deps.sync.push(user, body)
  })

  app.post('/v1/sync/pull', async (request, reply) => {
    const user = await signedIn(request, reply)
    const body = user && parse(PullRequestSchema, request.body, reply)
    if (!user || !body) return
    return reply.type('application/json; charset=utf-8').send(await deps.sync.pullJson(user, body))
  })

  return app
}
