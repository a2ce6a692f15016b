import type { NewCaseDraft } from '@shared/domain'
import { SETTINGS } from '@shared/rules/settings/registry'
import { describe, expect, it } from 'vitest'
import { analyst, caseFileFixture } from '../fixtures/case-files'
import { freshWorkstationPerTest } from '../fixtures/test-workstation'

const ws = freshWorkstationPerTest()

const draft = (title: string, severity: NewCaseDraft['severity']): NewCaseDraft => ({
  title,
  summary: '',
  category: 'property_damage',
  severity,
  source: 'support',
  occurredAt: null,
  location: '',
  order: null,
  tags: [],
})
const other = { id: 'analyst-099', name: 'Sam Ortiz' }

describe('queue views', () => {
  it('lists each built-in view from indexes, in its order, with counts', async () => {
    const { cases, queueViews } = ws.repositories
    // S1 first response due 11:00 (at risk from 10:45); S3 due tomorrow; S2 due 14:00.
    const urgent = await cases.create(draft('Threat at the door', 'S1'), analyst)
    const slow = await cases.create(draft('Missing items', 'S3'), analyst)
    const mine = await cases.create(draft('Dented car door', 'S2'), analyst)
    await cases.update(mine.id, { assigneeId: analyst.id, assigneeName: analyst.name }, analyst)
    const theirs = await cases.create(draft('Gate left open', 'S2'), analyst)
    await cases.update(theirs.id, { assigneeId: other.id, assigneeName: other.name }, analyst)
    const waiting = await cases.create(draft('Statement requested', 'S3'), analyst)
    await cases.update(
      waiting.id,
      { status: 'triage', assigneeId: analyst.id, assigneeName: analyst.name },
      analyst,
    )
    await cases.update(waiting.id, { status: 'awaiting_party' }, analyst)
    const done = await cases.create(draft('Resolved quickly', 'S4'), analyst)
    await cases.update(done.id, { status: 'investigating' }, analyst)
    await cases.update(
      done.id,
      { status: 'resolved', assigneeId: analyst.id, assigneeName: analyst.name },
      analyst,
    )

    const at = (now: string) => ({ analystId: analyst.id, now })
    const ids = (view: Parameters<typeof queueViews.caseIds>[0], now = ws.clock) =>
      queueViews.caseIds(view, at(now))

    // Mine: open cases only, soonest SLA due first, the paused one last; resolved ones left out.
    expect(await ids('mine')).toEqual([mine.id, waiting.id])
    expect(await ids('unassigned')).toEqual([urgent.id, slow.id])
    expect(await ids('awaiting_party')).toEqual([waiting.id])
    expect(await ids('resolved_this_week')).toEqual([done.id])
    expect(await ids('resolved_this_week', '2026-12-05T00:00:00.000Z')).toEqual([])

    expect(await ids('at_risk', '2026-11-24T10:30:00.000Z')).toEqual([])
    expect(await ids('at_risk', '2026-11-24T10:50:00.000Z')).toEqual([urgent.id])
    expect(await ids('breached', '2026-11-24T10:50:00.000Z')).toEqual([])
    // At 14:30 the S1 and both S2 first responses are overdue; the S2s are at risk no longer but breached.
    const breached = await ids('breached', '2026-11-24T14:30:00.000Z')
    expect(breached[0]).toBe(urgent.id) // due first; the two S2s share a due time
    expect(new Set(breached)).toEqual(new Set([urgent.id, mine.id, theirs.id]))
    expect(await ids('at_risk', '2026-11-24T14:30:00.000Z')).toEqual([])

    expect(await queueViews.counts(at('2026-11-24T10:50:00.000Z'))).toEqual({
      all: 6,
      mine: 2,
      unassigned: 2,
      at_risk: 1,
      breached: 0,
      awaiting_party: 1,
      resolved_this_week: 1,
    })
  })
})

describe('custom filters, sorting and saved views', () => {
  const context = () => ({ analystId: analyst.id, now: ws.clock })
  const seed = async () => {
    const { cases } = ws.repositories
    const made: Record<string, string> = {}
    const add = async (key: string, overrides: Partial<NewCaseDraft>, minutes: number) => {
      ws.clock = new Date(Date.parse('2026-11-24T10:00:00.000Z') + minutes * 60_000).toISOString()
      made[key] = (await cases.create({ ...draft(key, 'S3'), ...overrides }, analyst)).id
    }
    await add('mailbox', { category: 'property_damage', severity: 'S3', tags: ['vehicle'] }, 0)
    await add('bite', { category: 'injury_safety', severity: 'S2' }, 1)
    await add('threat', { category: 'harassment_threat', severity: 'S1', tags: ['police'] }, 2)
    await add('fence', { category: 'property_damage', severity: 'S2' }, 3)
    await ws.repositories.cases.update(
      made.fence!,
      { assigneeId: other.id, assigneeName: other.name },
      analyst,
    )
    return made
  }
  const empty = {
    categories: [],
    severities: [],
    statuses: [],
    assignee: 'any' as const,
    tag: '',
    text: '',
  }

  it('narrows by every criterion together, and sorts by SLA due, severity or update', async () => {
    const made = await seed()
    const { queueViews } = ws.repositories
    const titles = async (ids: string[]) =>
      (await ws.repositories.cases.getMany(ids)).map((record) => record!.title)

    const damage = { ...empty, categories: ['property_damage' as const] }
    expect(await titles((await queueViews.filteredCaseIds('all', damage, 'view', context())).ids)).toEqual([
      'fence',
      'mailbox',
    ])
    expect(
      await titles(
        (await queueViews.filteredCaseIds('all', { ...damage, severities: ['S2'] }, 'view', context())).ids,
      ),
    ).toEqual(['fence'])
    expect(
      await titles(
        (
          await queueViews.filteredCaseIds(
            'all',
            { ...empty, assignee: { analystId: other.id, name: other.name } },
            'view',
            context(),
          )
        ).ids,
      ),
    ).toEqual(['fence'])
    expect(
      await titles(
        (await queueViews.filteredCaseIds('all', { ...empty, assignee: 'unassigned' }, 'severity', context()))
          .ids,
      ),
    ).toEqual(['threat', 'bite', 'mailbox'])
    expect(
      await titles(
        (await queueViews.filteredCaseIds('all', { ...empty, tag: 'police' }, 'view', context())).ids,
      ),
    ).toEqual(['threat'])
    expect(
      await titles(
        (await queueViews.filteredCaseIds('all', { ...empty, text: 'mail' }, 'view', context())).ids,
      ),
    ).toEqual(['mailbox'])
    // S1 due 1 h after 10:02, S2 4 h after 10:01 / 10:03, S3 24 h: soonest first.
    expect(await titles((await queueViews.filteredCaseIds('all', empty, 'sla_due', context())).ids)).toEqual([
      'threat',
      'bite',
      'fence',
      'mailbox',
    ])
    expect(
      await titles((await queueViews.filteredCaseIds('unassigned', damage, 'view', context())).ids),
    ).toEqual(['mailbox'])
    expect(await queueViews.filterCount(damage, context())).toBe(2)
    expect(await queueViews.assignees()).toEqual([{ analystId: other.id, name: other.name }])

    // A change to a case is seen by the next read (the cached sort order is dropped): as S1 opened
    // at 10:00, the mailbox's first response is now due at 11:00, before the threat's 11:02.
    ws.clock = '2026-11-24T10:10:00.000Z'
    await ws.repositories.cases.update(made.mailbox!, { severity: 'S1' }, analyst)
    expect(await titles((await queueViews.filteredCaseIds('all', empty, 'severity', context())).ids)).toEqual(
      ['mailbox', 'threat', 'bite', 'fence'],
    )
    expect(await titles((await queueViews.filteredCaseIds('all', empty, 'updated', context())).ids)).toEqual([
      'mailbox',
      'fence',
      'threat',
      'bite',
    ])
  })

  it('keeps saved views with unique names, audited', async () => {
    const view = {
      id: 'v1',
      name: 'Damage S2',
      filter: { ...empty, severities: ['S2' as const] },
      sort: 'sla_due' as const,
    }
    await ws.repositories.settings.save(
      SETTINGS.savedQueueViews,
      [view],
      analyst,
      'Saved queue view "Damage S2"',
    )
    expect(await ws.repositories.settings.read(SETTINGS.savedQueueViews)).toEqual([view])
    await expect(
      ws.repositories.settings.save(
        SETTINGS.savedQueueViews,
        [view, { ...view, id: 'v2', name: 'damage s2' }],
        analyst,
        'x',
      ),
    ).rejects.toThrow()
    expect(await ws.repositories.settings.read(SETTINGS.savedQueueViews)).toEqual([view])
  })
})

describe('a filter text that names too many cases', () => {
  it('reads at most 2,000 keys per prefix and says the result is partial', async () => {
    const base = caseFileFixture(1).case
    await ws.db.cases.bulkPut(
      Array.from({ length: 2_001 }, (_, index) => ({
        ...base,
        id: `case-${index}`,
        caseNumber: `CR-2026-${String(index + 1).padStart(6, '0')}`,
      })),
    )
    const broad = await ws.repositories.cases.searchIds('CR-2026')
    expect(broad.partial).toBe(true)
    expect(broad.ids.size).toBe(2_001)
    // CR-2026-001200 to CR-2026-001299.
    const narrow = await ws.repositories.cases.searchIds('CR-2026-0012')
    expect(narrow).toEqual({
      partial: false,
      ids: new Set(Array.from({ length: 100 }, (_, n) => `case-${1199 + n}`)),
    })
    const filtered = await ws.repositories.queueViews.filteredCaseIds(
      'all',
      { categories: [], severities: [], statuses: [], assignee: 'any', tag: '', text: 'CR-2026' },
      'view',
      { analystId: analyst.id, now: ws.clock },
    )
    expect(filtered.partial).toBe(true)
  })
})
