import { z } from 'zod'
import { AUDITED_ENTITIES, type AuditedEntity } from '../../domain/audit'
import { IdSchema } from '../../domain/primitives'
import { HlcStringSchema } from './hlc'

/**
 * The sync protocol between a workstation and the team server, declared once and validated on both
 * sides. A workstation pushes batches of mutations from its outbox and pulls the changes after its
 * cursor; records merge field by field, last writer wins by hybrid logical clock.
 */

/**
 * The records that sync: every audited record of a case, the team's shared settings (the rest of the
 * settings stay on each workstation; see shared/rules/settings/registry.ts), plus the append-only
 * custody and audit lines and report text updates, which only ever get new ids.
 */
type SyncEntityName =
  | Exclude<AuditedEntity, 'settings'>
  | 'teamSetting'
  | 'custodyEvent'
  | 'auditEntry'
  | 'reportUpdate'
export const SYNC_ENTITIES = [
  ...AUDITED_ENTITIES.filter((entity): entity is Exclude<AuditedEntity, 'settings'> => entity !== 'settings'),
  'teamSetting',
  'custodyEvent',
  'auditEntry',
  'reportUpdate',
] as readonly SyncEntityName[]
export const SyncEntitySchema = z.enum(SYNC_ENTITIES)
export type SyncEntity = z.infer<typeof SyncEntitySchema>

const FieldNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'a field name')

/** One field's new value and when it was written. Values are JSON; each record type checks its own. */
export const FieldWriteSchema = z.object({ value: z.json(), hlc: HlcStringSchema })
export type FieldWrite = z.infer<typeof FieldWriteSchema>

const FieldWritesSchema = z
  .record(FieldNameSchema, FieldWriteSchema)
  .refine((fields) => Object.keys(fields).length <= 200, 'at most 200 fields in one mutation')

export const MutationSchema = z
  .object({
    /** Per client, counting up from 1: a repeated id is acknowledged, never applied twice. */
    mutationId: z.number().int().min(1),
    entity: SyncEntitySchema,
    entityId: IdSchema,
    caseId: IdSchema.nullable(),
    fields: FieldWritesSchema,
    /** Set when the record was deleted, at this time. */
    deleted: HlcStringSchema.nullable(),
  })
  .refine((mutation) => mutation.deleted !== null || Object.keys(mutation.fields).length > 0, {
    message: 'a mutation writes at least one field or deletes the record',
  })
export type Mutation = z.infer<typeof MutationSchema>

export const PushRequestSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a client id'),
    mutations: z.array(MutationSchema).min(1).max(500),
  })
  .refine(
    (push) =>
      push.mutations.every(
        (mutation, index) => index === 0 || mutation.mutationId > push.mutations[index - 1]!.mutationId,
      ),
    { message: 'mutation ids must count up within a push', path: ['mutations'] },
  )
export type PushRequest = z.infer<typeof PushRequestSchema>

/**
 * The kinds of refusal: no right to the record (`forbidden`), a record that does not read as its kind
 * (`invalid`), a field stamped further ahead of the server's clock than it allows (`clock-ahead`), a
 * client id that belongs to another account (`client-id`).
 */
export const REFUSAL_CODES = ['forbidden', 'invalid', 'clock-ahead', 'client-id'] as const
export type RefusalCode = (typeof REFUSAL_CODES)[number]

export const MutationResultSchema = z.discriminatedUnion('outcome', [
  /** Applied; fields a later write had already overtaken are named (the analyst is told). */
  z.object({
    mutationId: z.number().int().min(1),
    outcome: z.literal('applied'),
    sequence: z.number().int().min(1),
    overtaken: z.array(FieldNameSchema),
  }),
  /** Seen before (a retry after a lost answer): nothing was applied again. */
  z.object({ mutationId: z.number().int().min(1), outcome: z.literal('duplicate') }),
  /** Refused (no access, the case was reassigned, invalid record): kept on the client with the reason. */
  z.object({
    mutationId: z.number().int().min(1),
    outcome: z.literal('rejected'),
    reason: z.string().min(1).max(500),
    /** Why, for the workstation to act on (a clock ahead of the server's is re-stamped, not parked). */
    code: z.enum(REFUSAL_CODES).optional(),
  }),
])
export type MutationResult = z.infer<typeof MutationResultSchema>

/**
 * The server's clock (epoch ms) when it answered: a workstation whose own clock is wrong stamps its
 * writes by the server's time instead (see shared/sync/hlc.ts).
 */
const ServerTimeSchema = z.number().int().min(0).optional()

export const PushResponseSchema = z.object({
  results: z.array(MutationResultSchema),
  serverTime: ServerTimeSchema,
})
export type PushResponse = z.infer<typeof PushResponseSchema>

export const PullRequestSchema = z.object({
  /** The last change sequence this client has; 0 for everything. */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(1_000),
})
export type PullRequest = z.infer<typeof PullRequestSchema>

/** A record as the server holds it after merging: every field with the time it was written. */
export const ChangeSchema = z.object({
  sequence: z.number().int().min(1),
  entity: SyncEntitySchema,
  entityId: IdSchema,
  caseId: IdSchema.nullable(),
  fields: FieldWritesSchema,
  deleted: HlcStringSchema.nullable(),
})
export type Change = z.infer<typeof ChangeSchema>

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  /** Pull again from here; `more` says whether there is more to pull now. */
  cursor: z.number().int().min(0),
  more: z.boolean(),
  serverTime: ServerTimeSchema,
})
export type PullResponse = z.infer<typeof PullResponseSchema>

export const TEAM_ROLES = ['analyst', 'lead', 'admin'] as const
export const TeamUserSchema = z.object({
  id: IdSchema,
  username: z.string().min(1).max(40),
  displayName: z.string().min(1).max(200),
  role: z.enum(TEAM_ROLES),
})
export type TeamUser = z.infer<typeof TeamUserSchema>

export const SignInRequestSchema = z
  .object({ username: z.string().min(1).max(40), password: z.string().min(1).max(1_000) })
  .strict()
export const SignInResponseSchema = z.object({
  token: z.string().min(20).max(200),
  expiresAt: z.iso.datetime({ offset: true }),
  user: TeamUserSchema,
})
export type SignInResponse = z.infer<typeof SignInResponseSchema>

/** A server's error answer: what went wrong, in words for the analyst. */
export const ErrorAnswerSchema = z.object({ error: z.string().max(2_000) })

export const TeamResponseSchema = z.object({ members: z.array(TeamUserSchema).max(10_000) })
