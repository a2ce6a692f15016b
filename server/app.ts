import websocket from '@fastify/websocket'
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify'
import { z } from 'zod'
import { PullRequestSchema, PushRequestSchema, SignInRequestSchema } from '../shared/sync/protocol'
import { describeIssues } from '../shared/validation'
import { AccountError, type Accounts, type User } from './accounts'
import type { ChangeNotices } from './change-notices'
import type { SyncService } from './sync-service'

const UserChangeSchema = z.object({ disabled: z.boolean() }).strict()

/**
 * The team server's HTTP API. Every body is checked against the shared protocol before anything is
 * done with it; every route but sign-in needs a session token. Logs carry no personal data: request
 * logging is off, and the server logs only method, route, status and timing itself.
 */
export function createServerApp(deps: {
  accounts: Accounts
  sync: SyncService
  notices: ChangeNotices
  logger?: boolean
}) {
  const app = Fastify({
    logger: deps.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    disableRequestLogging: true,
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
    return deps.sync.pull(user, body)
  })

  return app
}
