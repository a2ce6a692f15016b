import {
  type Actor,
  CASE_STATUS_INFO,
  type Case,
  type CasePatch,
  CaseSchema,
  canTransition,
  formatCaseNumber,
  type IntakeParty,
  type NewCaseDraft,
  OPEN_STATUSES,
  PartySchema,
  type SlaClockEvent,
  seedInvestigationTasks,
  type TimelineEvent,
  titleWords,
  UNASSIGNED,
} from '@shared/domain'
import { checkedContact } from '@shared/domain/contact'
import { SETTINGS } from '@shared/rules/settings/registry'
import { caseSlaInstants, openingSlaEvent } from '@shared/rules/sla/case-sla'
import { type SlaPolicy, SlaPolicySchema } from '@shared/rules/sla/policy'
import { describeIssues } from '@shared/validation'
import type { WorkstationDatabase } from '../database'
import { guardStorage } from '../storage'
import { auditedWrite } from './audited-write'
import type { CaseIdCache } from './case-order'
import type { SettingsRepository } from './settings'

/** An open case that may already cover the incident being entered, and why it matched. */
export interface PossibleDuplicate {
  record: Case
  reasons: string[]
}

export class CaseRuleError extends Error {
  override name = 'CaseRuleError'
}

function validated(record: Case): Case {
  const parsed = CaseSchema.safeParse(record)
  if (!parsed.success) throw new CaseRuleError(`The case was not saved: ${describeIssues(parsed.error)}`)
  return parsed.data
}

/**
 * Re-times every open case under a policy (their due and at-risk instants, which the queue indexes),
 * in the caller's transaction: when a policy is saved here, or arrives from the team server.
 */
export function retimeOpenCases(db: WorkstationDatabase, policy: SlaPolicy): Promise<number> {
  return db.cases
    .where('status')
    .anyOf([...OPEN_STATUSES])
    .modify((record) => {
      Object.assign(record, caseSlaInstants(record.slaEvents, policy))
    })
}

/** Status and severity changes are SLA clock events: record them and re-time the case's clocks. */
function withSlaEvents(current: Case, next: Case, at: string, policy: SlaPolicy): Case {
  const events: SlaClockEvent[] = [...current.slaEvents]
  if (next.status !== current.status) events.push({ type: 'status', at, status: next.status })
  if (next.severity !== current.severity) events.push({ type: 'severity', at, severity: next.severity })
  if (events.length === current.slaEvents.length) return next
  return { ...next, slaEvents: events, ...caseSlaInstants(events, policy) }
}

export function createCaseRepository(
  db: WorkstationDatabase,
  settings: SettingsRepository,
  now: () => string,
  order: CaseIdCache,
) {
  const timelineEntry = (
    caseId: string,
    title: string,
    detail: string,
    actor: Actor,
    at: string,
  ): TimelineEvent => ({
    id: crypto.randomUUID(),
    caseId,
    kind: 'status_change',
    occurredAt: at,
    title,
    detail,
    ref: { entity: 'case', id: caseId },
    recordedBy: actor,
    recordedAt: at,
  })

  /**
   * Reference and title-word prefix reads stop after this many keys: "C" or "CR-2026" names every
   * case, and reading 100,000 keys per keystroke takes a second. Past it the match set is partial.
   */
  const PREFIX_READ_LIMIT = 2_000

  async function searchIds(text: string): Promise<{ ids: Set<string>; partial: boolean }> {
    const query = text.trim()
    if (query === '') return { ids: new Set(), partial: false }
    const upper = query.toUpperCase()
    const words = titleWords(query).filter((word) => word.length >= 2)
    const read = (index: string, prefix: string) =>
      db.cases
        .where(index)
        .startsWith(prefix)
        .limit(PREFIX_READ_LIMIT + 1)
        .primaryKeys()
    const [byNumber, byOrder, ...perWord] = await Promise.all([
      read('caseNumber', upper),
      read('order.orderId', upper),
      ...words.map((word) => read('titleWords', word)),
    ])
    const partial = [byNumber!, byOrder!, ...perWord].some((ids) => ids.length > PREFIX_READ_LIMIT)
    const ids = new Set([...byNumber!, ...byOrder!])
    if (perWord.length > 0) {
      const [fewest, ...others] = perWord.map((keys) => new Set(keys)).sort((a, b) => a.size - b.size)
      for (const id of fewest!) if (others.every((keys) => keys.has(id))) ids.add(id)
    }
    return { ids, partial }
  }

  return {
    get: (id: string) => db.cases.get(id),
    getByCaseNumber: (caseNumber: string) => db.cases.where('caseNumber').equals(caseNumber).first(),
    getMany: (ids: readonly string[]) => db.cases.bulkGet([...ids]),
    count: () => db.cases.count(),

    /**
     * Case ids, most recently updated first: keys only, so a 100,000-row queue stays light. With a
     * limit, only the top of the queue (fast enough to paint first on a cold start); without, the
     * whole list, kept until a case changes.
     */
    queueCaseIds: async (limit?: number): Promise<string[]> =>
      limit === undefined
        ? [...(await order.ids('updated'))]
        : db.cases.orderBy('updatedAt').reverse().limit(limit).primaryKeys(),

    /**
     * The cases the text matches, unordered and keys only (the queue filter sorts afterwards): case
     * number or order id prefix, or every typed word a prefix of a title word (the title word index;
     * one letter would match most titles, so words count from two characters). `partial` when a
     * prefix named more cases than are read per keystroke.
     */
    searchIds,

    /**
     * The search box: up to `limit` matches, those matching by case number or order id first, then
     * newest first. A large match set is cut from the cached newest-first order before any row is read.
     */
    async search(text: string, limit = 50): Promise<Case[]> {
      const query = text.trim()
      if (query === '') return []
      const { ids } = await searchIds(query)
      const chosen =
        ids.size <= limit
          ? [...ids]
          : (await order.ids('updated')).filter((id) => ids.has(id)).slice(0, limit)
      const upper = query.toUpperCase()
      const byReference = (record: Case) =>
        record.caseNumber.startsWith(upper) || (record.order?.orderId.startsWith(upper) ?? false)
      return ((await db.cases.bulkGet(chosen)) as Case[]).sort(
        (a, b) => Number(byReference(b)) - Number(byReference(a)) || b.updatedAt.localeCompare(a.updatedAt),
      )
    },

    /**
     * Open cases on the same order or with a party on one of the same accounts: offered at intake
     * before a second case is opened for one incident. Index lookups only.
     */
    async possibleDuplicates(orderId: string | null, accountIds: string[]): Promise<PossibleDuplicate[]> {
      const found = new Map<string, PossibleDuplicate>()
      const note = (record: Case | undefined, reason: string) => {
        if (!record || !OPEN_STATUSES.includes(record.status)) return
        const entry = found.get(record.id) ?? { record, reasons: [] }
        if (!entry.reasons.includes(reason)) entry.reasons.push(reason)
        found.set(record.id, entry)
      }
      const order = orderId?.trim()
      if (order) {
        for (const record of await db.cases.where('order.orderId').equals(order).toArray())
          note(record, `same order ${order}`)
      }
      const accounts = [...new Set(accountIds.map((id) => id.trim()).filter(Boolean))]
      if (accounts.length) {
        const parties = await db.parties.where('accountId').anyOf(accounts).toArray()
        const cases = await db.cases.bulkGet([...new Set(parties.map((party) => party.caseId))])
        for (const party of parties)
          note(
            cases.find((record) => record?.id === party.caseId),
            `same account ${party.accountId} (${party.name})`,
          )
      }
      return [...found.values()].sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt))
    },

    /**
     * Opens a case: allocates the next case number, starts the SLA clocks, seeds the category's
     * investigation checklist and records the parties named at intake.
     */
    create(draft: NewCaseDraft, actor: Actor): Promise<Case> {
      const { parties = [], ...fields } = draft
      return guardStorage(() =>
        db.transaction(
          'rw',
          [db.cases, db.settings, db.timelineEvents, db.tasks, db.parties, db.auditEntries],
          async () => {
            const at = now()
            let sequence = await settings.nextCaseSequence()
            let caseNumber = formatCaseNumber(new Date(at).getUTCFullYear(), sequence)
            while (await db.cases.where('caseNumber').equals(caseNumber).count()) {
              sequence++
              caseNumber = formatCaseNumber(new Date(at).getUTCFullYear(), sequence)
            }
            await settings.advanceCaseSequence(sequence + 1)
            const slaEvents = [openingSlaEvent(at, 'new', draft.severity)]
            const record = validated({
              ...fields,
              id: crypto.randomUUID(),
              caseNumber,
              status: 'new',
              assigneeId: UNASSIGNED,
              assigneeName: '',
              slaEvents,
              ...caseSlaInstants(slaEvents, await settings.read(SETTINGS.slaPolicy)),
              createdAt: at,
              createdBy: actor,
              updatedAt: at,
            })
            await auditedWrite(db, {
              table: db.cases,
              entity: 'case',
              id: record.id,
              caseId: record.id,
              actor,
              at,
              summary: `Opened case ${caseNumber}`,
              change: () => record,
            })
            await db.timelineEvents.add({
              ...timelineEntry(record.id, 'Case opened', `${caseNumber} opened by ${actor.name}`, actor, at),
              kind: 'manual',
            })
            await db.tasks.bulkAdd(
              seedInvestigationTasks(record.id, record.category, at, () => crypto.randomUUID()),
            )
            for (const party of parties) {
              let contact: IntakeParty['contact']
              try {
                contact = checkedContact(party.contact)
              } catch (error) {
                throw new CaseRuleError(`The ${party.role} was not valid: ${(error as Error).message}`)
              }
              const parsed = PartySchema.safeParse({
                ...party,
                contact,
                id: crypto.randomUUID(),
                caseId: record.id,
                notes: '',
                createdAt: at,
                updatedAt: at,
              })
              if (!parsed.success)
                throw new CaseRuleError(`The ${party.role} was not valid: ${describeIssues(parsed.error)}`)
              await auditedWrite(db, {
                table: db.parties,
                entity: 'party',
                id: parsed.data.id,
                caseId: record.id,
                actor,
                at,
                summary: `Added ${party.role} ${parsed.data.name}`,
                change: () => parsed.data,
              })
            }
            return record
          },
        ),
      )
    },

    /**
     * Puts a new SLA policy in force and re-times every open case under it, in one transaction:
     * the queue's due and at-risk instants never mix two policies. Returns how many were re-timed.
     */
    async applySlaPolicy(policy: SlaPolicy, actor: Actor): Promise<number> {
      const parsed = SlaPolicySchema.safeParse(policy)
      if (!parsed.success)
        throw new CaseRuleError(`The SLA policy was not saved: ${describeIssues(parsed.error)}`)
      return guardStorage(() =>
        db.transaction('rw', [db.cases, db.settings, db.auditEntries], async () => {
          await settings.save(SETTINGS.slaPolicy, parsed.data, actor)
          return retimeOpenCases(db, parsed.data)
        }),
      )
    },

    /** Changes a case; a status change must follow the workflow and is also put on the timeline. */
    update(id: string, patch: CasePatch, actor: Actor): Promise<Case> {
      return guardStorage(() =>
        db.transaction('rw', [db.cases, db.settings, db.timelineEvents, db.auditEntries], async () => {
          const current = await db.cases.get(id)
          if (!current) throw new CaseRuleError('This case no longer exists on this workstation.')
          const at = now()
          let next: Case = { ...current, ...patch, updatedAt: at }
          const statusChanged = patch.status !== undefined && patch.status !== current.status
          if (statusChanged && patch.status) {
            if (!canTransition(current.status, patch.status)) {
              throw new CaseRuleError(
                `A case cannot go from ${CASE_STATUS_INFO[current.status].label} to ${CASE_STATUS_INFO[patch.status].label}.`,
              )
            }
          }
          next = withSlaEvents(current, next, at, await settings.read(SETTINGS.slaPolicy))
          const saved = (await auditedWrite(db, {
            table: db.cases,
            entity: 'case',
            id,
            caseId: id,
            actor,
            at,
            summary: `Updated case ${current.caseNumber}`,
            change: () => validated(next),
          })) as Case
          if (statusChanged && patch.status) {
            const from = CASE_STATUS_INFO[current.status].label
            const to = CASE_STATUS_INFO[patch.status].label
            await db.timelineEvents.add(
              timelineEntry(id, `Status: ${from} → ${to}`, `Changed by ${actor.name}`, actor, at),
            )
          }
          return saved
        }),
      )
    },
  }
}
export type CaseRepository = ReturnType<typeof createCaseRepository>
