import { z } from 'zod'
import { TEAM_SETTINGS, type TeamSetting } from './registry'

/**
 * The settings a team shares through its server, as the registry (registry.ts) scopes them: their
 * sync schema and who may change each. The rest stay on each workstation.
 */
export type TeamSettingKey = TeamSetting['key']

const [first, ...rest] = TEAM_SETTINGS.map((setting) =>
  z.object({ key: z.literal(setting.key), value: setting.schema }),
)
/** A team setting as stored (the settings row) and as it travels. */
export const TeamSettingSchema = z.discriminatedUnion('key', [first!, ...rest])

export const isTeamSetting = (key: unknown): key is TeamSettingKey =>
  TEAM_SETTINGS.some((setting) => setting.key === key)

/** Who may change a team setting: every analyst, or only a lead (and so an admin). */
export const teamSettingWriters = (key: TeamSettingKey): TeamSetting['writers'] =>
  TEAM_SETTINGS.find((setting) => setting.key === key)!.writers
