import { type Actor, ActorSchema } from '@shared/domain'
import {
  DEFAULT_REDACTION_PROFILES,
  type RedactionProfiles,
  RedactionProfilesSchema,
} from '@shared/formats/report/audience-redaction'
import {
  DEFAULT_EMAIL_TEMPLATES,
  type EmailTemplate,
  EmailTemplateListSchema,
} from '@shared/rules/communications/email-templates'
import { type ShiftHandoff, ShiftHandoffSchema } from '@shared/rules/handoff/shift-handoff'
import {
  DEFAULT_LOCATION_THRESHOLDS,
  type LocationThresholds,
  LocationThresholdsSchema,
} from '@shared/rules/orders/location-checks'
import { DEFAULT_APPROVAL_THRESHOLD } from '@shared/rules/policy/determination-review'
import { EXAMPLE_POLICIES } from '@shared/rules/policy/example-policies'
import type { MatrixEntry } from '@shared/rules/policy/outcome-matrix'
import type { PolicyDocument } from '@shared/rules/policy/policy-document'
import { type SavedQueueView, SavedQueueViewListSchema } from '@shared/rules/queue/queue-filter'
import {
  ApprovalThresholdSchema,
  OutcomeMatrixSchema,
  PolicyLibrarySchema,
} from '@shared/rules/settings/team-settings'
import { type SlaPolicy, SlaPolicySchema, storedSlaPolicy } from '@shared/rules/sla/policy'
import { z } from 'zod'
import type { SettingRow, WorkstationDatabase } from '../database'
import { auditedWrite } from './audited-write'

export const SETTING_KEYS = {
  analyst: 'analyst',
  /** The sequence number the next new case gets (CR-<year>-<sequence>). */
  nextCaseSequence: 'nextCaseSequence',
  slaPolicy: 'slaPolicy',
  emailTemplates: 'emailTemplates',
  savedQueueViews: 'savedQueueViews',
  evidenceSizeLimit: 'evidenceSizeLimit',
  policyLibrary: 'policyLibrary',
  approvalThreshold: 'approvalThreshold',
  outcomeMatrix: 'outcomeMatrix',
  locationThresholds: 'locationThresholds',
  redactionProfiles: 'redactionProfiles',
  lastHandoff: 'lastHandoff',
} as const

/** The largest evidence file accepted unless Settings say otherwise: 2 GiB. */
export const DEFAULT_EVIDENCE_SIZE_LIMIT = 2 * 1024 ** 3
const EvidenceSizeLimitSchema = z
  .number()
  .int()
  .min(1024 ** 2, 'the limit is at least 1 MiB')
  .max(64 * 1024 ** 3, 'the limit is at most 64 GiB')

export function createSettingsRepository(db: WorkstationDatabase, now: () => string) {
  const read = async (key: string): Promise<unknown> => (await db.settings.get(key))?.value
  /** A stored setting if it still matches its schema, else the default (a damaged value is not fatal). */
  const readValid = async <T>(key: string, schema: z.ZodType<T>, fallback: T): Promise<T> => {
    const parsed = schema.safeParse(await read(key))
    return parsed.success ? parsed.data : fallback
  }
  /** Validates and stores a setting with its audit entry. */
  const save = <T>(key: string, schema: z.ZodType<T>, value: T, actor: Actor, summary: string) =>
    auditedWrite<SettingRow>(db, {
      table: db.settings,
      entity: 'settings',
      id: key,
      caseId: '',
      actor,
      at: now(),
      summary,
      change: () => ({ key, value: schema.parse(value) }),
    })

  return {
    getAnalyst: (): Promise<Actor | null> => readValid(SETTING_KEYS.analyst, ActorSchema, null),

    /** Who is working on this machine; every later change is recorded under this name. */
    async saveAnalyst(analyst: Actor): Promise<void> {
      const value = ActorSchema.parse({ id: analyst.id.trim(), name: analyst.name.trim() })
      await save(
        SETTING_KEYS.analyst,
        ActorSchema,
        value,
        value,
        `Analyst on this workstation: ${value.name} (${value.id})`,
      )
    },

    /** The SLA targets, schedule and at-risk threshold in force (the defaults until edited). */
    getSlaPolicy: async (): Promise<SlaPolicy> => storedSlaPolicy(await read(SETTING_KEYS.slaPolicy)),

    /** Stores the policy (audited); re-timing the cases is the case repository's `applySlaPolicy`. */
    async saveSlaPolicy(policy: SlaPolicy, actor: Actor): Promise<void> {
      await save(SETTING_KEYS.slaPolicy, SlaPolicySchema, policy, actor, 'SLA policy changed')
    },

    /** The email templates the composer offers (the shipped set until edited in Settings). */
    getEmailTemplates: (): Promise<EmailTemplate[]> =>
      readValid(SETTING_KEYS.emailTemplates, EmailTemplateListSchema, DEFAULT_EMAIL_TEMPLATES),

    async saveEmailTemplates(templates: EmailTemplate[], actor: Actor): Promise<void> {
      await save(
        SETTING_KEYS.emailTemplates,
        EmailTemplateListSchema,
        templates,
        actor,
        'Email templates changed',
      )
    },

    /** The analyst's named queue filters, in the order they were saved. */
    getSavedQueueViews: (): Promise<SavedQueueView[]> =>
      readValid(SETTING_KEYS.savedQueueViews, SavedQueueViewListSchema, []),

    async saveSavedQueueViews(views: SavedQueueView[], actor: Actor, summary: string): Promise<void> {
      await save(SETTING_KEYS.savedQueueViews, SavedQueueViewListSchema, views, actor, summary)
    },

    /** The largest evidence file, in bytes, an import accepts. */
    getEvidenceSizeLimit: (): Promise<number> =>
      readValid(SETTING_KEYS.evidenceSizeLimit, EvidenceSizeLimitSchema, DEFAULT_EVIDENCE_SIZE_LIMIT),

    async saveEvidenceSizeLimit(bytes: number, actor: Actor): Promise<void> {
      await save(
        SETTING_KEYS.evidenceSizeLimit,
        EvidenceSizeLimitSchema,
        bytes,
        actor,
        'Evidence size limit changed',
      )
    },

    /** The policy library in force: the shipped example set until a policy is imported. */
    getPolicyLibrary: (): Promise<PolicyDocument[]> =>
      readValid(SETTING_KEYS.policyLibrary, PolicyLibrarySchema, EXAMPLE_POLICIES),

    /** Adds a policy, or replaces the one with its id (a new version); the others stay. */
    async savePolicy(policy: PolicyDocument, actor: Actor): Promise<void> {
      const library = await this.getPolicyLibrary()
      const replaced = library.some((current) => current.id === policy.id)
      await save(
        SETTING_KEYS.policyLibrary,
        PolicyLibrarySchema,
        replaced
          ? library.map((current) => (current.id === policy.id ? policy : current))
          : [...library, policy],
        actor,
        `Policy ${replaced ? 'replaced' : 'added'}: ${policy.title} (version ${policy.version})`,
      )
    },

    /** Reimbursements above this amount (in their own currency) need a lead's approval. */
    getApprovalThreshold: (): Promise<number> =>
      readValid(SETTING_KEYS.approvalThreshold, ApprovalThresholdSchema, DEFAULT_APPROVAL_THRESHOLD),

    async saveApprovalThreshold(amount: number, actor: Actor): Promise<void> {
      await save(
        SETTING_KEYS.approvalThreshold,
        ApprovalThresholdSchema,
        amount,
        actor,
        `Lead approval needed for reimbursements above ${amount}`,
      )
    },

    /** The team's own outcome matrix entries (severity × clause), over the library's defaults. */
    getOutcomeMatrix: (): Promise<MatrixEntry[]> =>
      readValid(SETTING_KEYS.outcomeMatrix, OutcomeMatrixSchema, []),

    async saveOutcomeMatrix(entries: MatrixEntry[], actor: Actor, summary: string): Promise<void> {
      await save(SETTING_KEYS.outcomeMatrix, OutcomeMatrixSchema, entries, actor, summary)
    },

    /** How far (metres) and how long (minutes) from the drop-off and the delivery a point may be before it is flagged. */
    getLocationThresholds: (): Promise<LocationThresholds> =>
      readValid(SETTING_KEYS.locationThresholds, LocationThresholdsSchema, DEFAULT_LOCATION_THRESHOLDS),

    async saveLocationThresholds(thresholds: LocationThresholds, actor: Actor): Promise<void> {
      await save(
        SETTING_KEYS.locationThresholds,
        LocationThresholdsSchema,
        thresholds,
        actor,
        `Location checks flag points over ${thresholds.metres} m or ${thresholds.minutes} min away`,
      )
    },

    /** For each audience, what of the other parties' personal data its exports hide. */
    getRedactionProfiles: (): Promise<RedactionProfiles> =>
      readValid(SETTING_KEYS.redactionProfiles, RedactionProfilesSchema, DEFAULT_REDACTION_PROFILES),

    async saveRedactionProfiles(profiles: RedactionProfiles, actor: Actor, summary: string): Promise<void> {
      await save(SETTING_KEYS.redactionProfiles, RedactionProfilesSchema, profiles, actor, summary)
    },

    /** The last shift handoff written on this workstation, shown to whoever starts next. */
    getLastHandoff: (): Promise<ShiftHandoff | null> =>
      readValid(SETTING_KEYS.lastHandoff, ShiftHandoffSchema.nullable(), null),

    async saveHandoff(handoff: ShiftHandoff, actor: Actor): Promise<void> {
      await save(SETTING_KEYS.lastHandoff, ShiftHandoffSchema, handoff, actor, 'Shift handoff written')
    },

    async nextCaseSequence(): Promise<number> {
      const value = await read(SETTING_KEYS.nextCaseSequence)
      return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1
    },

    /** Only ever moves the sequence forward (imports and demo data may have used numbers). */
    async advanceCaseSequence(atLeast: number): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const current = await this.nextCaseSequence()
        if (atLeast > current) await db.settings.put({ key: SETTING_KEYS.nextCaseSequence, value: atLeast })
      })
    },
  }
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>
