import { z } from 'zod'
import { describeIssues } from '../../validation'
import {
  ErrorAnswerSchema,
  type PullRequest,
  type PushRequest,
  SignInResponseSchema,
  TeamUserSchema,
} from './protocol'

/**
 * The host side of sync (Electron's main process, the web host's local process): it signs in, keeps
 * the session token where the page cannot read it, and forwards pushes and pulls with the token.
 * The page only ever learns who is signed in to which server.
 */

/** A team server address: http(s) only, no credentials, query or fragment. */
export const ServerUrlSchema = z
  .url({ protocol: /^https?$/, message: 'a server address starts with http:// or https://' })
  .max(500)
  .refine((text) => {
    const url = new URL(text)
    return !url.username && !url.password && !url.search && !url.hash
  }, 'a server address has no user name, password, query or fragment')
  .transform((text) => text.replace(/\/+$/, ''))

/** Who is signed in to which server, until when: what the host keeps (with the token). */
const SignedInSchema = z.object({
  serverUrl: z.string().max(500),
  user: TeamUserSchema,
  expiresAt: z.iso.datetime({ offset: true }),
})

/**
 * Where the host keeps the sign-in: the OS keychain (it outlives a restart), or memory only, with
 * the reason, so Settings can tell the analyst they will sign in again after a restart.
 */
export const WhereKeptSchema = z.discriminatedUnion('in', [
  z.object({ in: z.literal('keychain') }),
  z.object({ in: z.literal('memory'), reason: z.string().min(1).max(300) }),
])
export type WhereKept = z.infer<typeof WhereKeptSchema>

/** The session as the page sees it: no token, and where the host keeps it. */
export const SyncSessionSchema = SignedInSchema.extend({ kept: WhereKeptSchema })
export type SyncSession = z.infer<typeof SyncSessionSchema>

export const SignInToServerSchema = z
  .object({
    serverUrl: ServerUrlSchema,
    username: z.string().trim().min(1, 'enter your user name').max(40),
    password: z.string().min(1, 'enter your password').max(1_000),
  })
  .strict()
export type SignInToServer = z.input<typeof SignInToServerSchema>

/** The session with its token, as the host keeps it (encrypted by the OS keychain in Electron). */
export const StoredSessionSchema = SignedInSchema.extend({ token: z.string().min(20).max(200) })
export type StoredSession = z.infer<typeof StoredSessionSchema>

/** Where the host keeps the session between requests (and, in Electron, between runs). */
export interface SessionVault {
  load(): Promise<StoredSession | null>
  save(session: StoredSession): Promise<void>
  clear(): Promise<void>
  /** Where a session saved now is kept. */
  whereKept(): WhereKept
}

/** The server said the session is no longer good: the analyst must sign in again. */
export class SignedOutError extends Error {
  override name = 'SignedOutError'
}

const REQUEST_TIMEOUT_MS = 30_000

export function createSyncGateway(deps: {
  fetch: typeof fetch
  vault: SessionVault
  /** Told when the session changes, so the change WebSocket reconnects or closes. */
  onSessionChange?: () => void
}) {
  /** One request to the server: unreachable and refused answers become errors the analyst can read. */
  async function send(
    serverUrl: string,
    path: string,
    init: {
      method: string
      token?: string
      body?: string | Uint8Array
      contentType?: string
      signal?: AbortSignal
    },
  ): Promise<Response> {
    let response: Response
    try {
      response = await deps.fetch(`${serverUrl}${path}`, {
        method: init.method,
        headers: {
          ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
          ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        },
        body: init.body as string | Uint8Array<ArrayBuffer> | undefined,
        signal: init.signal,
        redirect: 'error',
      })
    } catch {
      throw new Error(`The team server at ${serverUrl} cannot be reached.`)
    }
    if (response.ok) return response
    const said = ErrorAnswerSchema.safeParse(await response.json().catch(() => null))
    const message = said.success ? said.data.error : `The team server answered ${response.status}.`
    if (response.status === 401) throw new SignedOutError(message)
    throw new Error(message)
  }

  /** A JSON request (a time limit applies: evidence bytes, sent with `send`, may take long). */
  async function call(
    serverUrl: string,
    path: string,
    init: { method: string; token?: string; body?: unknown },
  ) {
    const response = await send(serverUrl, path, {
      method: init.method,
      token: init.token,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      contentType: init.body === undefined ? undefined : 'application/json',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await response.text()
    try {
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null }
    } catch {
      throw new Error(`The team server at ${serverUrl} answered with something that is not JSON.`)
    }
  }

  /** Runs a request with the session's token; a refused token is forgotten so the analyst signs in. */
  async function withSession<T>(request: (session: StoredSession) => Promise<T>): Promise<T> {
    const session = await deps.vault.load()
    if (!session) throw new SignedOutError('Not signed in to a team server.')
    try {
      return await request(session)
    } catch (error) {
      if (error instanceof SignedOutError) {
        await deps.vault.clear()
        deps.onSessionChange?.()
      }
      throw error
    }
  }

  const forward = (path: string, body?: unknown): Promise<unknown> =>
    withSession(
      async (session) =>
        (
          await call(session.serverUrl, path, {
            method: body === undefined ? 'GET' : 'POST',
            token: session.token,
            body,
          })
        ).body,
    )

  const publicPart = ({ token: _token, ...session }: StoredSession): SyncSession => ({
    ...session,
    kept: deps.vault.whereKept(),
  })

  /** Evidence bytes to or from the server by SHA-256, with the session token. */
  const blobRequest = (sha256: string, init: { method: 'PUT' | 'GET'; bytes?: Uint8Array }) =>
    withSession((session) =>
      send(session.serverUrl, `/v1/blobs/${sha256}`, {
        method: init.method,
        token: session.token,
        body: init.bytes,
        contentType: init.bytes ? 'application/octet-stream' : undefined,
      }),
    )

  return {
    async signIn(request: SignInToServer): Promise<SyncSession> {
      const parsed = SignInToServerSchema.safeParse(request)
      if (!parsed.success) throw new Error(`Cannot sign in: ${describeIssues(parsed.error)}`)
      const { serverUrl, username, password } = parsed.data
      const answer = SignInResponseSchema.safeParse(
        (await call(serverUrl, '/v1/sessions', { method: 'POST', body: { username, password } })).body,
      )
      if (!answer.success)
        throw new Error(`The server at ${serverUrl} is not a Critical Response team server.`)
      const session: StoredSession = { serverUrl, ...answer.data }
      await deps.vault.save(session)
      deps.onSessionChange?.()
      return publicPart(session)
    },

    /** Ends the session on the server when it can be reached; forgets it here either way. */
    async signOut(): Promise<void> {
      const session = await deps.vault.load()
      await deps.vault.clear()
      deps.onSessionChange?.()
      if (session)
        await call(session.serverUrl, '/v1/sessions', { method: 'DELETE', token: session.token }).catch(
          () => {},
        )
    },

    async session(): Promise<SyncSession | null> {
      const session = await deps.vault.load()
      return session ? publicPart(session) : null
    },

    push: (request: PushRequest) => forward('/v1/sync/push', request),
    pull: (request: PullRequest) => forward('/v1/sync/pull', request),
    /** Sends evidence bytes; the server stores them only if they hash to `sha256`. */
    async uploadBlob(sha256: string, bytes: Uint8Array): Promise<void> {
      await blobRequest(sha256, { method: 'PUT', bytes })
    },

    /** Fetches evidence bytes and checks them against their SHA-256 before handing them over. */
    async downloadBlob(sha256: string): Promise<Uint8Array> {
      const bytes = new Uint8Array(await (await blobRequest(sha256, { method: 'GET' })).arrayBuffer())
      const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('')
      if (digest !== sha256) throw new Error('The evidence bytes from the server do not match their SHA-256.')
      return bytes
    },

    /** The team's members (for a lead assigning a case). */
    team: () => forward('/v1/team'),

    /** A case's server audit with its hash-chain proof; the server refuses anyone but a lead or an admin. */
    caseAudit: (caseId: string) => forward(`/v1/cases/${encodeURIComponent(caseId)}/audit`),
  }
}
export type SyncGateway = ReturnType<typeof createSyncGateway>

/** A vault in memory (the web host keeps one per browser session; tests). */
export function memoryVault(reason = 'this host keeps it in its own process memory'): SessionVault {
  let stored: StoredSession | null = null
  return {
    whereKept: () => ({ in: 'memory', reason }),
    load: async () => stored,
    save: async (session) => {
      stored = session
    },
    clear: async () => {
      stored = null
    },
  }
}
