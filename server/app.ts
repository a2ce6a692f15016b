import type { Readable } from 'node:stream'
import websocket from '@fastify/websocket'
import { PullRequestSchema, PushRequestSchema, SignInRequestSchema } from '@shared/protocol/sync/protocol'
import { describeIssues } from '@shared/validation'
import Fastify, { type FastifyReply, type FastifyRequest, LogController } from 'fastify'
import { z } from 'zod'
import { AccountError, type Accounts, type User } from './accounts'
import { BlobHashMismatchError, type BlobStore, SHA256_PATTERN } from './blob-store'
import type { CaseAuditExports } from './case-audit-export'
import type { ChangeNotices } from './change-notices'
import { closeConnectionsOnStop } from './graceful-close'
import {
  answerErrorsInWords,
  DEFAULT_BODY_LIMIT,
  evidenceBytesOnly,
  PUSH_BODY_LIMIT,
  requireSessionFirst,
  SIGNED_OUT,
} from './request-guards'
import { waitInWords } from './sign-in-throttle'
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
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated): sign-in
   * throttling counts per client address, which behind a proxy is otherwise the proxy's own.
   */
  trustProxy?: string
  /** Case audit exports (`GET /v1/cases/:caseId/audit`); the route exists when this is given. */
  caseAudit?: CaseAuditExports
}) {
  const app = Fastify({
    logger: deps.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: deps.trustProxy ?? false,
    // Room for a record id in a path (a case's audit export) as long as the protocol allows (128,
    // IdSchema) and more, so an id too long gets the route's own answer.
    routerOptions: { maxParamLength: 256 },
  })
  closeConnectionsOnStop(app)
  answerErrorsInWords(app)

  const parse = <T>(schema: z.ZodType<T>, body: unknown, reply: FastifyReply): T | undefined => {
    const parsed = schema.safeParse(body)
    if (parsed.success) return parsed.data
    void reply.code(400).send({ error: `Not a valid request: ${describeIssues(parsed.error)}` })
    return undefined
  }
  // The token is checked as a request arrives, before its body is read; sign-in and out need none.
  const sessionUser = requireSessionFirst(app, deps.accounts, [
    'GET /v1/health',
    'POST /v1/sessions',
    'DELETE /v1/sessions',
  ])
  const signedIn = async (request: FastifyRequest, reply: FastifyReply): Promise<User | undefined> => {
    const user = sessionUser(request)
    if (!user) void reply.code(401).send({ error: SIGNED_OUT })
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
    const session = await deps.accounts.signIn(body.username, body.password, request.ip)
    switch (session.outcome) {
      case 'signed-in':
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: session.user }
      case 'wrong':
        return reply.code(401).send({ error: 'The user name or password is not right.' })
      case 'locked':
        return reply.code(423).send({
          error:
            'This account is locked after too many wrong passwords in a row: an admin of the team server unlocks it.',
        })
      case 'waiting': {
        const ms = session.retryAfterMs
        const from = session.scope === 'account' ? 'for this account' : 'from this network address'
        return reply
          .code(429)
          .header('Retry-After', Math.max(1, Math.ceil(ms / 1000)))
          .send({ error: `Too many wrong passwords ${from}: try again in ${waitInWords(ms)}.` })
      }
    }
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

  // After too many wrong passwords in a row an account stays locked until an admin unlocks it here.
  app.post('/v1/users/:id/unlock', async (request, reply) => {
    const admin = await adminOnly(request, reply)
    if (!admin) return
    const { id } = request.params as { id: string }
    if (!(await deps.accounts.unlock(id, admin))) return reply.code(404).send({ error: 'No such user.' })
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

  // Evidence bytes by SHA-256: streamed to disk and stored only if they hash to their name. Anyone
  // who may read an evidence record citing the hash may send the bytes (the server hashes them, which
  // proves they hold them); fetching them takes a citation made by someone who had shown they hold
  // them (see evidence-citations.ts): knowing a hash is not having the file.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload))
  const blobAccess = async (
    request: FastifyRequest,
    reply: FastifyReply,
    may: (user: User, sha256: string) => Promise<boolean>,
  ): Promise<{ user: User; sha256: string } | undefined> => {
    const user = await signedIn(request, reply)
    if (!user) return undefined
    const { sha256 } = request.params as { sha256: string }
    if (!SHA256_PATTERN.test(sha256)) {
      void reply.code(400).send({ error: 'A blob is named by its SHA-256: 64 lowercase hex digits.' })
      return undefined
    }
    if (!(await may(user, sha256))) {
      await deps.sync.auditRefusal({
        userId: user.id,
        action: request.method === 'GET' ? 'blob-read-refused' : 'blob-upload-refused',
        entity: 'blob',
        entityId: sha256,
      })
      void reply.code(404).send({ error: 'No evidence you may read has these bytes.' })
      return undefined
    }
    return { user, sha256 }
  }
  app.put(
    '/v1/blobs/:sha256',
    { bodyLimit: MAX_BLOB_BYTES, onRequest: evidenceBytesOnly },
    async (request, reply) => {
      const access = await blobAccess(request, reply, deps.sync.mayUploadBlob)
      if (!access) return
      // Hashed even when the bytes are already stored: sending them is how a holder proves it.
      const existed = await deps.blobs.has(access.sha256)
      try {
        await deps.blobs.put(access.sha256, request.body as Readable)
      } catch (error) {
        if (error instanceof BlobHashMismatchError) {
          await deps.sync.auditRefusal({
            userId: access.user.id,
            action: 'blob-upload-refused',
            entity: 'blob',
            entityId: access.sha256,
            detail: 'the bytes do not hash to their name',
          })
          return reply.code(400).send({ error: error.message })
        }
        throw error
      }
      await deps.sync.recordHolder(access.user, access.sha256)
      return reply.code(existed ? 200 : 201).send({ stored: true })
    },
  )
  app.get('/v1/blobs/:sha256', async (request, reply) => {
    const access = await blobAccess(request, reply, deps.sync.mayReadBlob)
    if (!access) return
    if (!(await deps.blobs.has(access.sha256)))
      return reply.code(404).send({ error: 'These evidence bytes have not reached the server yet.' })
    await deps.sync.recordHolder(access.user, access.sha256)
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Content-Length', await deps.blobs.size(access.sha256))
      .send(deps.blobs.read(access.sha256))
  })

  app.post('/v1/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
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

  // A case's server audit with the proof its lines belong to the team's hash chain, for a lead or an
  // admin to hand to a reviewer (shared/sync/audit-export.ts); an analyst's attempt is refused and audited.
  const caseAudit = deps.caseAudit
  if (caseAudit)
    app.get('/v1/cases/:caseId/audit', async (request, reply) => {
      const user = await signedIn(request, reply)
      if (!user) return
      const exported = await caseAudit.exportCase(user, (request.params as { caseId: string }).caseId)
      if (exported.status !== 200) return reply.code(exported.status).send({ error: exported.error })
      return exported.document
    })

  return app
}
