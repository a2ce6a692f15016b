import type { Actor, Case } from '@shared/domain'
import { OPEN_STATUSES } from '@shared/domain/case-status'
import { type ShiftHandoff, type ShiftSummary, summariseShift } from '@shared/rules/handoff/shift-handoff'
import { SETTINGS } from '@shared/rules/settings/registry'
import type { WorkstationDatabase } from '../database'
import type { SettingsRepository } from './settings'

/** The shift handoff: the summary of the analyst's shift from the audit, and the last handoff written. */
export function createShiftHandoffRepository(db: WorkstationDatabase, settings: SettingsRepository) {
  return {
    async summarise(analyst: Actor, shiftStartedAt: string, now: string): Promise<ShiftSummary> {
      const auditEntries = await db.auditEntries.where('at').aboveOrEqual(shiftStartedAt).toArray()
      const assigned = await db.cases
        .where('[assigneeId+status]')
        .anyOf(OPEN_STATUSES.map((status) => [analyst.id, status]))
        .primaryKeys()
      const touched = auditEntries
        .filter((entry) => entry.actor.id === analyst.id && entry.caseId)
        .map((entry) => entry.caseId)
      const caseIds = [...new Set([...touched, ...assigned])]
      const cases = new Map(
        (await db.cases.bulkGet(caseIds))
          .filter((record): record is Case => record !== undefined)
          .map((record) => [record.id, record]),
      )
      const tasks = await db.tasks.where('caseId').anyOf(caseIds).toArray()
      return summariseShift({
        analystId: analyst.id,
        shiftStartedAt,
        now,
        auditEntries,
        cases,
        assignedOpenCaseIds: assigned,
        tasks,
      })
    },

    lastHandoff: () => settings.read(SETTINGS.lastHandoff),
    save: (handoff: ShiftHandoff, actor: Actor) => settings.save(SETTINGS.lastHandoff, handoff, actor),
  }
}
