import { z } from 'zod'
import { ActorSchema, RedactionProfilesSchema } from '../../domain'
import { DEFAULT_EMAIL_TEMPLATES, EmailTemplateListSchema } from '../communications/email-templates'
import { ShiftHandoffSchema } from '../handoff/shift-handoff'
import { DEFAULT_LOCATION_THRESHOLDS, LocationThresholdsSchema } from '../orders/location-checks'
import { DEFAULT_APPROVAL_THRESHOLD } from '../policy/determination-review'
import { EXAMPLE_POLICIES } from '../policy/example-policies'
import { MatrixEntrySchema } from '../policy/outcome-matrix'
import { PolicyDocumentSchema } from '../policy/policy-document'
import { DEFAULT_REDACTION_PROFILES } from '../policy/redaction-profiles'
import { SavedQueueViewListSchema } from '../queue/queue-filter'
import { DEFAULT_SLA_POLICY, SlaPolicySchema } from '../sla/policy'

/**
 * Where a setting lives. A team setting is shared through the team server, so that every analyst
 * decides by the same policy library and outcome matrix, works to the same SLA policy and exports
 * under the same redaction profiles; `writers` says who the server lets change it (a lead's settings
 * are also an admin's). A workstation setting stays on the computer it was saved on.
 */
export type SettingScope = { scope: 'team'; writers: 'lead' | 'analyst' } | { scope: 'workstation' }

/** What every settings row has, wherever it lives. */
interface SettingFields<Key extends string, Value, Fallback> {
  key: Key
  /** What a stored value must look like. */
  schema: z.ZodType<Value>
  /** What is read while none is stored, or while the stored one no longer matches its schema. */
  default: Fallback
}

/** What changed, for the audit line of a change someone saves. */
interface Summary<Value> {
  summary(value: Value): string
}

/**
 * One settings row: its key, its schema and default, and where it lives. Every setting someone saves
 * has a `summary` (see AuditedSetting); only bookkeeping the app moves itself has none.
 */
export type Setting<Key extends string = string, Value = unknown, Fallback = Value> = SettingScope &
  SettingFields<Key, Value, Fallback>

/** A setting whose changes are audited. */
export type AuditedSetting<Value = unknown> = Setting<string, Value, unknown> & Summary<Value>

type Definition<Key extends string, Value, Fallback> = SettingFields<Key, Value, Fallback> & Summary<Value>

/** Keeps a definition's own scope, writers and summary in its type, so each derivation can rely on them. */
export function defineSetting<
  Key extends string,
  Value,
  Fallback extends Value | null,
  Writers extends 'lead' | 'analyst',
>(
  setting: Definition<Key, Value, Fallback> & { scope: 'team'; writers: Writers },
): Definition<Key, Value, Fallback> & { scope: 'team'; writers: Writers }
export function defineSetting<Key extends string, Value, Fallback extends Value | null>(
  setting: Definition<Key, Value, Fallback> & { scope: 'workstation' },
): Definition<Key, Value, Fallback> & { scope: 'workstation' }
/** Bookkeeping the app moves itself: never saved by someone, so never audited. */
export function defineSetting<Key extends string, Value, Fallback extends Value | null>(
  setting: SettingFields<Key, Value, Fallback> & { scope: 'workstation' },
): SettingFields<Key, Value, Fallback> & { scope: 'workstation' }
export function defineSetting<Key extends string, Value, Fallback>(setting: Setting<Key, Value, Fallback>) {
  return setting
}

/** The largest evidence file accepted unless Settings say otherwise: 2 GiB. */
const DEFAULT_EVIDENCE_SIZE_LIMIT = 2 * 1024 ** 3

export const SETTINGS = {
  /** Who is working on this machine; every later change is recorded under this name. */
  analyst: defineSetting({
    key: 'analyst',
    schema: ActorSchema,
    default: null,
    scope: 'workstation',
    summary: (analyst) => `Analyst on this workstation: ${analyst.name} (${analyst.id})`,
  }),
  /** The sequence number the next new case gets (CR-<year>-<sequence>). */
  nextCaseSequence: defineSetting({
    key: 'nextCaseSequence',
    schema: z.number().int().positive(),
    default: 1,
    scope: 'workstation',
  }),
  /** The analyst's named queue filters, in the order they were saved. */
  savedQueueViews: defineSetting({
    key: 'savedQueueViews',
    schema: SavedQueueViewListSchema,
    default: [],
    scope: 'workstation',
    summary: () => 'Saved queue views changed',
  }),
  /** The largest evidence file, in bytes, an import accepts. */
  evidenceSizeLimit: defineSetting({
    key: 'evidenceSizeLimit',
    schema: z
      .number()
      .int()
      .min(1024 ** 2, 'the limit is at least 1 MiB')
      .max(64 * 1024 ** 3, 'the limit is at most 64 GiB'),
    default: DEFAULT_EVIDENCE_SIZE_LIMIT,
    scope: 'workstation',
    summary: () => 'Evidence size limit changed',
  }),
  /** The policy library in force: the shipped example set until a policy is imported. */
  policyLibrary: defineSetting({
    key: 'policyLibrary',
    schema: z.array(PolicyDocumentSchema).min(1),
    default: EXAMPLE_POLICIES,
    scope: 'team',
    writers: 'lead',
    summary: () => 'Policy library changed',
  }),
  /** The team's own outcome matrix entries (severity × clause), over the library's defaults. */
  outcomeMatrix: defineSetting({
    key: 'outcomeMatrix',
    schema: z.array(MatrixEntrySchema).max(10_000),
    default: [],
    scope: 'team',
    writers: 'lead',
    summary: () => 'Outcome matrix changed',
  }),
  /** Reimbursements above this amount (in their own currency) need a lead's approval. */
  approvalThreshold: defineSetting({
    key: 'approvalThreshold',
    schema: z
      .number()
      .min(0, 'the amount cannot be negative')
      .max(1_000_000, 'the amount is at most 1,000,000'),
    default: DEFAULT_APPROVAL_THRESHOLD,
    scope: 'team',
    writers: 'lead',
    summary: (amount) => `Lead approval needed for reimbursements above ${amount}`,
  }),
  /** For each audience, what of the other parties' personal data its exports hide. */
  redactionProfiles: defineSetting({
    key: 'redactionProfiles',
    schema: RedactionProfilesSchema,
    default: DEFAULT_REDACTION_PROFILES,
    scope: 'team',
    writers: 'lead',
    summary: () => 'Redaction profiles changed',
  }),
  /** How far (metres) and how long (minutes) from the drop-off and the delivery a point may be before it is flagged. */
  locationThresholds: defineSetting({
    key: 'locationThresholds',
    schema: LocationThresholdsSchema,
    default: DEFAULT_LOCATION_THRESHOLDS,
    scope: 'team',
    writers: 'lead',
    summary: (thresholds) =>
      `Location checks flag points over ${thresholds.metres} m or ${thresholds.minutes} min away`,
  }),
  /** The email templates the composer offers (the shipped set until edited in Settings). */
  emailTemplates: defineSetting({
    key: 'emailTemplates',
    schema: EmailTemplateListSchema,
    default: DEFAULT_EMAIL_TEMPLATES,
    scope: 'team',
    writers: 'lead',
    summary: () => 'Email templates changed',
  }),
  /** The SLA targets, schedule and at-risk threshold in force (re-timing the cases is the case repository's). */
  slaPolicy: defineSetting({
    key: 'slaPolicy',
    schema: SlaPolicySchema,
    default: DEFAULT_SLA_POLICY,
    scope: 'team',
    writers: 'lead',
    summary: () => 'SLA policy changed',
  }),
  /** The last shift handoff, shown to whoever starts next on whichever workstation; any analyst writes it. */
  lastHandoff: defineSetting({
    key: 'lastHandoff',
    schema: ShiftHandoffSchema,
    default: null,
    scope: 'team',
    writers: 'analyst',
    summary: () => 'Shift handoff written',
  }),
}

type AnySetting = (typeof SETTINGS)[keyof typeof SETTINGS]
/** A setting the team shares through its server. */
export type TeamSetting = Extract<AnySetting, { scope: 'team' }>

const isTeamScoped = (setting: AnySetting): setting is TeamSetting => setting.scope === 'team'
export const TEAM_SETTINGS: readonly TeamSetting[] = Object.values(SETTINGS).filter(isTeamScoped)
