import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Accounts, User } from './accounts'

/** What any request body may weigh unless its route says otherwise (sign-in, pull, user changes). */
export const DEFAULT_BODY_LIMIT = 1024 ** 2

/**
 * What a push may weigh. A push holds at most 500 mutations (a workstation sends 200 at a time).
 * Measured as JSON: 500 notes at their 50,000-character limit are 25 MB; 200 report text updates
 * that each paste a 40-page report are 34 MB; a shift's typing is well under 1 MB.
 */
export const PUSH_BODY_LIMIT = 40 * 1024 ** 2

export const SIGNED_OUT = 'Sign in again: the session is missing, expired or revoked.'

const inMiB = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MiB`

/**
 * Checks the session token when a request arrives, before its body is read or parsed, for every
 * route but the `open` ones: a stranger's request is answered 401 whatever it carries. Returns how
 * a handler gets the signed-in user.
 */
export function requireSessionFirst(
  app: FastifyInstance,
  accounts: Pick<Accounts, 'authenticate'>,
  open: readonly string[],
): (request: FastifyRequest) => User | undefined {
  const users = new WeakMap<FastifyRequest, User>()
  const isOpen = (request: FastifyRequest) =>
    request.is404 ||
    open.includes(`${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url}`)
  app.addHook('onRequest', async (request, reply) => {
    if (isOpen(request)) return
    const header = request.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
    const user = token ? await accounts.authenticate(token) : null
    if (!user) return reply.code(401).send({ error: SIGNED_OUT })
    users.set(request, user)
  })
  return (request) => users.get(request)
}

/** The words for a refused request (a 4xx) that the person at the workstation will read. */
function clientErrorMessage(error: FastifyError, request: FastifyRequest): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `This request is larger than the team server takes here (at most ${inMiB(request.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT)}).`
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'The team server takes this request as JSON (Content-Type: application/json).'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Not a valid request: the body is empty.'
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'Not a valid request: the body is not JSON.'
    default:
      return `Not a valid request: ${error.message}`
  }
}

/**
 * Every failed request is answered `{error}`: a refused one (4xx) with what was wrong, a failure of
 * the server's own (5xx) with no detail, which goes to the log instead.
 */
export function answerErrorsInWords(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500)
      return reply.code(status).send({ error: clientErrorMessage(error, request) })
    app.log.error({ route: request.routeOptions.url, err: error }, 'request failed')
    return reply.code(500).send({ error: 'The team server failed on this request; its log says why.' })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: `The team server has no ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}.`,
    }),
  )
}

/**
 * Evidence bytes arrive as application/octet-stream and are streamed, never parsed: any other type
 * (JSON, a form) is refused before a byte of the body is read.
 */
export async function evidenceBytesOnly(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'application/octet-stream') return undefined
  return reply
    .code(415)
    .send({ error: 'Evidence bytes are sent as they are, with Content-Type: application/octet-stream.' })
}
