import { z } from 'zod'
import { RedactionProfilesSchema } from '../../formats/report/audience-redaction'
import { EmailTemplateListSchema } from '../communications/email-templates'
import { ShiftHandoffSchema } from '../handoff/shift-handoff'
import { LocationThresholdsSchema } from '../orders/location-checks'
import { MatrixEntrySchema } from '../policy/outcome-matrix'
import { PolicyDocumentSchema } from '../policy/policy-document'
import { SlaPolicySchema } from '../sla/policy'

/**
 * The settings a team shares through its server, so that every analyst decides by the same policy
 * library and outcome matrix, works to the same SLA policy, exports under the same redaction
 * profiles, and the next analyst sees the last shift handoff whichever workstation they start on.
 * Leads and admins change them; any analyst writes the handoff. The rest (who works here, saved
 * queue views, the evidence size limit, case numbering) stays on each workstation.
 */
export const PolicyLibrarySchema = z.array(PolicyDocumentSchema).min(1)
export const OutcomeMatrixSchema = z.array(MatrixEntrySchema).max(10_000)
export const ApprovalThresholdSchema = z
  .number()
  .min(0, 'the amount cannot be negative')
  .max(1_000_000, 'the amount is at most 1,000,000')

const teamSetting = <Key extends string, Value extends z.ZodType>(key: Key, value: Value) =>
  z.object({ key: z.literal(key), value })

/** A team setting as stored (the settings row) and as it travels. */
export const TeamSettingSchema = z.discriminatedUnion('key', [
  teamSetting('policyLibrary', PolicyLibrarySchema),
  teamSetting('outcomeMatrix', OutcomeMatrixSchema),
  teamSetting('approvalThreshold', ApprovalThresholdSchema),
  teamSetting('redactionProfiles', RedactionProfilesSchema),
  teamSetting('locationThresholds', LocationThresholdsSchema),
  teamSetting('emailTemplates', EmailTemplateListSchema),
  teamSetting('lastHandoff', ShiftHandoffSchema),
  teamSetting('slaPolicy', SlaPolicySchema),
])
type TeamSetting = z.infer<typeof TeamSettingSchema>
export type TeamSettingKey = TeamSetting['key']

const TEAM_SETTING_KEYS: readonly TeamSettingKey[] = TeamSettingSchema.options.map(
  (option) => option.shape.key.value,
)

export const isTeamSetting = (key: unknown): key is TeamSettingKey =>
  (TEAM_SETTING_KEYS as readonly unknown[]).includes(key)

/** The team setting every analyst may write (the others are a lead's or an admin's). */
export const ANALYST_TEAM_SETTING: TeamSettingKey = 'lastHandoff'
