import { type Actor, ActorSchema } from '../../../../shared/domain'
import { DEFAULT_SLA_POLICY, type SlaPolicy, SlaPolicySchema } from '../../../../shared/sla/policy'
import type { SettingRow, WorkstationDatabase } from '../database'
import { auditedWrite } from './audited-write'

export const SETTING_KEYS = {
  analyst: 'analyst',
  /** The sequence number the next new case gets (CR-<year>-<sequence>). */
  nextCaseSequence: 'nextCaseSequence',
  slaPolicy: 'slaPolicy',
} as const

export function createSettingsRepository(db: WorkstationDatabase, now: () => string) {
  const read = async (key: string): Promise<unknown> => (await db.settings.get(key))?.value

  return {
    async getAnalyst(): Promise<Actor | null> {
      const parsed = ActorSchema.safeParse(await read(SETTING_KEYS.analyst))
      return parsed.success ? parsed.data : null
    },

    /** Who is working on this machine; every later change is recorded under this name. */
    async saveAnalyst(analyst: Actor): Promise<void> {
      const value = ActorSchema.parse({ id: analyst.id.trim(), name: analyst.name.trim() })
      await auditedWrite<SettingRow>(db, {
        table: db.settings,
        entity: 'settings',
        id: SETTING_KEYS.analyst,
        caseId: '',
        actor: value,
        at: now(),
        summary: `Analyst on this workstation: ${value.name} (${value.id})`,
        change: () => ({ key: SETTING_KEYS.analyst, value }),
      })
    },

    /** The SLA targets, schedule and at-risk threshold in force (the defaults until edited). */
    async getSlaPolicy(): Promise<SlaPolicy> {
      const parsed = SlaPolicySchema.safeParse(await read(SETTING_KEYS.slaPolicy))
      return parsed.success ? parsed.data : DEFAULT_SLA_POLICY
    },

    /** Stores the policy (audited); re-timing the cases is the case repository's `applySlaPolicy`. */
    async saveSlaPolicy(policy: SlaPolicy, actor: Actor): Promise<void> {
      await auditedWrite<SettingRow>(db, {
        table: db.settings,
        entity: 'settings',
        id: SETTING_KEYS.slaPolicy,
        caseId: '',
        actor,
        at: now(),
        summary: 'SLA policy changed',
        change: () => ({ key: SETTING_KEYS.slaPolicy, value: SlaPolicySchema.parse(policy) }),
      })
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
