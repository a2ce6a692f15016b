import type { Role, User } from '@server/accounts'
import type { SqlClient } from '@server/db/sql'
import { writeRefusal } from '@server/write-rules'
import type { FieldWrite, Mutation } from '@shared/protocol/sync/protocol'
import { SYNC_RECORD_SCHEMAS } from '@shared/protocol/sync/record-schemas'
import { SETTINGS, TEAM_SETTINGS, type TeamSetting } from '@shared/rules/settings/registry'
import { isTeamSetting, type TeamSettingKey, TeamSettingSchema } from '@shared/rules/settings/team-settings'
import { describe, expect, it } from 'vitest'
import { analyst } from '../fixtures/case-files'
import { freshWorkstationPerTest } from '../fixtures/test-workstation'

const NOW = Date.parse('2027-01-15T09:00:00.000Z')
const stamp = '001768467600000:0000:lee-laptop'

/** The one team setting without a default (none until someone writes it): a value of it. */
const handoff = {
  id: 'handoff-1',
  writtenBy: analyst,
  writtenAt: '2027-01-15T08:00:00.000Z',
  shiftStartedAt: '2027-01-15T00:00:00.000Z',
  note: 'Call the retailer back.',
  casesTouched: [],
  statusChanges: [],
  openTasks: [],
  slasDue: [],
}
const sampleValue = (setting: TeamSetting) => setting.default ?? handoff

/** The team-setting rule reads nothing stored: a query would be a change of rule, and fails the test. */
const noDatabase: SqlClient = {
  query: () => Promise.reject(new Error('the team-setting rule reads no stored record')),
  exec: () => Promise.reject(new Error('unused')),
  transaction: () => Promise.reject(new Error('unused')),
  listen: () => Promise.reject(new Error('unused')),
  close: () => Promise.resolve(),
}
const user = (role: Role): User => ({ id: `${role}-1`, username: `${role}.one`, displayName: role, role })

const settingWrite = (key: TeamSettingKey, value: FieldWrite['value']): Mutation => ({
  mutationId: 1,
  entity: 'teamSetting',
  entityId: key,
  caseId: null,
  fields: { key: { value: key, hlc: stamp }, value: { value, hlc: stamp } },
  deleted: null,
})
const auditLineOf = (key: TeamSettingKey, by: User): Mutation => ({
  mutationId: 2,
  entity: 'auditEntry',
  entityId: `audit-${key}`,
  caseId: null,
  fields: Object.fromEntries(
    Object.entries({
      id: `audit-${key}`,
      caseId: '',
      entity: 'settings',
      entityId: key,
      action: 'update',
      at: '2027-01-15T09:00:00.000Z',
      actor: { id: by.id, name: by.displayName },
      changes: [],
      summary: 'Changed',
    }).map(([name, value]) => [name, { value, hlc: stamp }]),
  ),
  deleted: null,
})

describe('the settings registry', () => {
  it('gives every team setting a schema that round-trips its default', () => {
    for (const setting of TEAM_SETTINGS) {
      if (setting.default === null) continue
      expect(setting.schema.parse(setting.default), setting.key).toEqual(setting.default)
      expect(
        TeamSettingSchema.safeParse({ key: setting.key, value: setting.default }).error,
        setting.key,
      ).toBeUndefined()
    }
  })

  it('syncs exactly the team-scoped settings, each under its own schema', () => {
    const teamKeys = Object.values(SETTINGS)
      .filter((setting) => setting.scope === 'team')
      .map((setting) => setting.key)
    expect(TEAM_SETTINGS.map((setting) => setting.key)).toEqual(teamKeys)
    for (const setting of Object.values(SETTINGS))
      expect(isTeamSetting(setting.key), setting.key).toBe(setting.scope === 'team')
    expect(SYNC_RECORD_SCHEMAS.teamSetting).toBe(TeamSettingSchema)
    // A value valid for one setting is no value of another.
    expect(TeamSettingSchema.safeParse({ key: 'approvalThreshold', value: handoff }).success).toBe(false)
    expect(TeamSettingSchema.safeParse({ key: 'lastHandoff', value: handoff }).success).toBe(true)
  })

  for (const setting of TEAM_SETTINGS)
    it(`lets the server take ${setting.key} from whom the registry says (${setting.writers}s), and its audit line alike`, async () => {
      for (const role of ['analyst', 'lead', 'admin'] as const) {
        const by = user(role)
        const allowed = role !== 'analyst' || setting.writers === 'analyst'
        for (const mutation of [
          settingWrite(setting.key, sampleValue(setting)),
          auditLineOf(setting.key, by),
        ]) {
          const refusal = await writeRefusal(noDatabase, by, mutation, undefined, NOW)
          expect(refusal, `${role} writing ${mutation.entity} of ${setting.key}`).toEqual(
            allowed
              ? null
              : { code: 'forbidden', reason: expect.stringContaining('Only a lead or an admin') },
          )
        }
      }
    })

  it('refuses a workstation setting as a team setting', async () => {
    const refusal = await writeRefusal(
      noDatabase,
      user('admin'),
      settingWrite(SETTINGS.evidenceSizeLimit.key as TeamSettingKey, SETTINGS.evidenceSizeLimit.default),
      undefined,
      NOW,
    )
    expect(refusal?.code).toBe('invalid')
  })
})

describe('the settings repository', () => {
  const ws = freshWorkstationPerTest()

  it('reads the default until a setting is saved, and again once the stored value is damaged', async () => {
    const { settings } = ws.repositories
    expect(await settings.read(SETTINGS.approvalThreshold)).toBe(SETTINGS.approvalThreshold.default)
    await settings.save(SETTINGS.approvalThreshold, 400, analyst)
    expect(await settings.read(SETTINGS.approvalThreshold)).toBe(400)
    await ws.db.settings.put({ key: SETTINGS.approvalThreshold.key, value: 'four hundred' })
    expect(await settings.read(SETTINGS.approvalThreshold)).toBe(SETTINGS.approvalThreshold.default)
    expect(await settings.read(SETTINGS.lastHandoff)).toBeNull()
  })

  it('audits a change with the registry’s summary, or the caller’s', async () => {
    const { settings, audit } = ws.repositories
    await settings.save(SETTINGS.approvalThreshold, 400, analyst)
    await settings.save(SETTINGS.outcomeMatrix, [], analyst, 'Outcome matrix: PD-1 at S2 back to the default')
    expect((await audit.listForCase('')).map((entry) => [entry.entityId, entry.summary]).sort()).toEqual([
      ['approvalThreshold', 'Lead approval needed for reimbursements above 400'],
      ['outcomeMatrix', 'Outcome matrix: PD-1 at S2 back to the default'],
    ])
    await expect(settings.save(SETTINGS.approvalThreshold, -1, analyst)).rejects.toThrow()
    expect(await settings.read(SETTINGS.approvalThreshold)).toBe(400)
  })
})
