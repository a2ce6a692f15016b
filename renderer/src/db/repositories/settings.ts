import { type Actor, ActorSchema } from '@shared/domain'
import type { PolicyDocument } from '@shared/rules/policy/policy-document'
import { type AuditedSetting, SETTINGS, type Setting } from '@shared/rules/settings/registry'
import type { WorkstationDatabase } from '../database'
import type { SettingRow } from '../schema'
import { auditedWrite } from './audited-write'

/** Reads and saves the settings rows the registry (shared/rules/settings/registry.ts) defines. */
export function createSettingsRepository(db: WorkstationDatabase, now: () => string) {
  /** A stored setting if it still matches its schema, else its default (a damaged value is not fatal). */
  const read = async <Value, Fallback>(
    setting: Setting<string, Value, Fallback>,
  ): Promise<Value | Fallback> => {
    const parsed = setting.schema.safeParse((await db.settings.get(setting.key))?.value)
    return parsed.success ? parsed.data : setting.default
  }

  /**
   * Validates and stores a setting with its audit entry: the registry's summary of the change, or the
   * caller's when it knows better what changed (which queue view was saved, which matrix cell).
   */
  const save = async <Value>(
    setting: AuditedSetting<Value>,
    value: Value,
    actor: Actor,
    summary?: string,
  ) => {
    await auditedWrite<SettingRow>(db, {
      table: db.settings,
      entity: 'settings',
      id: setting.key,
      caseId: '',
      actor,
      at: now(),
      summary: summary ?? setting.summary(value),
      change: () => ({ key: setting.key, value: setting.schema.parse(value) }),
    })
  }

  const nextCaseSequence = () => read(SETTINGS.nextCaseSequence)

  return {
    read,
    save,

    /** Who is working on this machine: recorded under their own name, as every later change is. */
    async saveAnalyst(analyst: Actor): Promise<void> {
      const value = ActorSchema.parse({ id: analyst.id.trim(), name: analyst.name.trim() })
      await save(SETTINGS.analyst, value, value)
    },

    /** Adds a policy, or replaces the one with its id (a new version); the others stay. */
    async savePolicy(policy: PolicyDocument, actor: Actor): Promise<void> {
      const library = await read(SETTINGS.policyLibrary)
      const replaced = library.some((current) => current.id === policy.id)
      await save(
        SETTINGS.policyLibrary,
        replaced
          ? library.map((current) => (current.id === policy.id ? policy : current))
          : [...library, policy],
        actor,
        `Policy ${replaced ? 'replaced' : 'added'}: ${policy.title} (version ${policy.version})`,
      )
    },

    nextCaseSequence,

    /** Only ever moves the sequence forward (imports and demo data may have used numbers). Not audited. */
    async advanceCaseSequence(atLeast: number): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        if (atLeast > (await nextCaseSequence()))
          await db.settings.put({ key: SETTINGS.nextCaseSequence.key, value: atLeast })
      })
    },
  }
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>
