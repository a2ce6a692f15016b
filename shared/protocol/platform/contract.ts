import { z } from 'zod'
import { IdSchema } from '../../domain/primitives'
import { isSafeFileName } from '../../file-names'
import { CaseAuditExportSchema } from '../sync/audit-export'
import { SignInToServerSchema, SyncSessionSchema } from '../sync/gateway'
import {
  PullRequestSchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  TeamResponseSchema,
} from '../sync/protocol'

/**
 * The one typed contract between the renderer and its host (Electron main process or the web host).
 * Every request is validated by the side that receives it, every response by the renderer.
 */

export const FileFilterSchema = z.object({
  name: z.string().min(1).max(80),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]+$/i))
    .min(1)
    .max(20),
})
export type FileFilter = z.infer<typeof FileFilterSchema>

/** File names offered to the user: no path separators, no control or bidi-override characters. */
export const SafeFileNameSchema = z.string().min(1).max(255).refine(isSafeFileName, 'not a safe file name')

/** Checked by tag, not instanceof: bytes cross realms (preload world, main world, IPC) on their way. */
const bytes = z.custom<Uint8Array>(
  (value) => ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]',
  'expected bytes',
)

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex')

/** A print document carries its exhibit images inline; 40 downscaled photos stay well under this. */
export const MAX_PRINT_HTML_LENGTH = 200 * 1024 * 1024

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  platform: z.string(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const platformChannels = {
  'app:getInfo': {
    request: z.object({}).strict(),
    response: AppInfoSchema,
  },
  /** Save bytes where the analyst chooses (save dialog in Electron, a download in the web host). */
  'file:save': {
    request: z
      .object({
        title: z.string().min(1).max(120),
        suggestedName: SafeFileNameSchema,
        mimeType: z.string().min(1).max(120),
        filters: z.array(FileFilterSchema).max(10),
        bytes,
      })
      .strict(),
    response: z.object({ saved: z.boolean(), location: z.string().nullable() }),
  },
  /** Let the analyst pick files to read (open dialog in Electron, a file input in the web host). */
  'file:open': {
    request: z
      .object({
        title: z.string().min(1).max(120),
        filters: z.array(FileFilterSchema).max(10),
        multiple: z.boolean(),
      })
      .strict(),
    response: z.object({
      files: z.array(z.object({ name: z.string().min(1).max(1_000), bytes })),
    }),
  },
  /** Opens a draft in the analyst's mail client (a mailto: link); the app never sends mail itself. */
  'mail:compose': {
    request: z
      .object({
        to: z.email(),
        subject: z.string().max(300),
        body: z.string().max(20_000),
      })
      .strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /** A desktop notification about a case; clicking it emits `notification:clicked` with the case id. */
  'notification:show': {
    request: z
      .object({
        caseId: z.string().min(1).max(128),
        title: z.string().min(1).max(120),
        body: z.string().max(500),
      })
      .strict(),
    response: z.object({ shown: z.boolean() }),
  },
  /**
   * Prints a self-contained HTML document (a report) to PDF with Chromium's own print engine: a
   * hidden, sandboxed window without scripts in Electron; the local host process in the web host.
   */
  'report:print': {
    request: z.object({ html: z.string().min(1).max(MAX_PRINT_HTML_LENGTH) }).strict(),
    response: z.object({ pdf: bytes }),
  },
  /**
   * Team sync. The host signs in and keeps the session token (the OS keychain in Electron) so the
   * page never holds it; pushes and pulls go through the host, which adds the token.
   */
  'sync:signIn': { request: SignInToServerSchema, response: SyncSessionSchema },
  'sync:signOut': { request: z.object({}).strict(), response: z.object({ signedOut: z.literal(true) }) },
  'sync:session': {
    request: z.object({}).strict(),
    response: z.object({ session: SyncSessionSchema.nullable() }),
  },
  'sync:push': { request: PushRequestSchema, response: PushResponseSchema },
  'sync:pull': { request: PullRequestSchema, response: PullResponseSchema },
  'sync:team': { request: z.object({}).strict(), response: TeamResponseSchema },
  /** Evidence bytes to and from the team server, named by their SHA-256 (checked on both sides). */
  'sync:uploadBlob': {
    request: z.object({ sha256: Sha256Schema, bytes }).strict(),
    response: z.object({ stored: z.literal(true) }),
  },
  'sync:downloadBlob': {
    request: z.object({ sha256: Sha256Schema }).strict(),
    response: z.object({ bytes }),
  },
  /** A case's server audit with its hash-chain proof (leads and admins; the server decides). */
  'sync:caseAudit': {
    request: z.object({ caseId: IdSchema }).strict(),
    response: CaseAuditExportSchema,
  },
} as const

export type PlatformChannel = keyof typeof platformChannels
export type PlatformRequest<C extends PlatformChannel> = z.infer<(typeof platformChannels)[C]['request']>
export type PlatformResponse<C extends PlatformChannel> = z.infer<(typeof platformChannels)[C]['response']>

/** What a host implements: an answer for every channel (each host checks requests and answers). */
export type PlatformHandlers = {
  [C in PlatformChannel]: (request: PlatformRequest<C>) => Promise<PlatformResponse<C>>
}

export const PLATFORM_CHANNELS = Object.keys(platformChannels) as PlatformChannel[]

export function isPlatformChannel(channel: unknown): channel is PlatformChannel {
  return typeof channel === 'string' && Object.hasOwn(platformChannels, channel)
}

/** Commands the host sends to the renderer (application menu, single-instance relaunch). */
export const MENU_COMMANDS = [
  'import-bundle',
  'export-bundle',
  'open-settings',
  'toggle-theme',
  'focus-search',
  'show-about',
] as const
export const MenuCommandSchema = z.enum(MENU_COMMANDS)
export type MenuCommand = z.infer<typeof MenuCommandSchema>

export const platformEvents = {
  'menu:command': MenuCommandSchema,
  /** The analyst clicked a case notification: open that case. */
  'notification:clicked': z.string().min(1).max(128),
  /** The team server has changes up to this sequence: time to pull. */
  'sync:changed': z.number().int().min(0),
} as const

export type PlatformEvent = keyof typeof platformEvents
export type PlatformEventPayload<E extends PlatformEvent> = z.infer<(typeof platformEvents)[E]>

/** What the preload script exposes as `window.workstation`, and what the web host implements. */
export interface WorkstationPlatform {
  readonly host: 'electron' | 'web'
  invoke<C extends PlatformChannel>(channel: C, request: PlatformRequest<C>): Promise<PlatformResponse<C>>
  on<E extends PlatformEvent>(event: E, listener: (payload: PlatformEventPayload<E>) => void): () => void
}
