import type { Case } from '@shared/domain'
import { pendingSlaAlerts, slaNotifications } from '@shared/rules/sla/alerts'
import { DEFAULT_SLA_POLICY } from '@shared/rules/sla/policy'
import { describe, expect, it } from 'vitest'

const opened = '2026-11-24T10:00:00.000Z'
const s1Case = (id: string, extra: Partial<Case> = {}) =>
  ({
    id,
    caseNumber: `CR-2026-00000${id}`,
    title: `Case ${id}`,
    slaEvents: [{ type: 'opened', at: opened, status: 'new', severity: 'S1' }],
    ...extra,
  }) as Case

describe('SLA alerts for my cases', () => {
  it('announces at risk, then breached, each once', () => {
    // S1: first response within 1 h, at risk with 15 min left.
    const cases = [s1Case('1')]
    expect(pendingSlaAlerts(cases, DEFAULT_SLA_POLICY, '2026-11-24T10:40:00.000Z', new Set())).toEqual([])
    const atRisk = pendingSlaAlerts(cases, DEFAULT_SLA_POLICY, '2026-11-24T10:46:00.000Z', new Set())
    expect(atRisk.map((alert) => [alert.target, alert.level])).toEqual([['first_response', 'at_risk']])
    const announced = new Set(atRisk.map((alert) => alert.key))
    expect(pendingSlaAlerts(cases, DEFAULT_SLA_POLICY, '2026-11-24T10:50:00.000Z', announced)).toEqual([])
    const breached = pendingSlaAlerts(cases, DEFAULT_SLA_POLICY, '2026-11-24T11:01:00.000Z', announced)
    expect(breached.map((alert) => alert.level)).toEqual(['breached'])
  })

  it('says nothing about a paused clock', () => {
    const paused = s1Case('2', {
      slaEvents: [
        { type: 'opened', at: opened, status: 'new', severity: 'S1' },
        { type: 'status', at: '2026-11-24T10:10:00.000Z', status: 'awaiting_party' },
      ],
    } as Partial<Case>)
    expect(pendingSlaAlerts([paused], DEFAULT_SLA_POLICY, '2026-11-24T13:00:00.000Z', new Set())).toEqual([])
  })

  it('shows one notification per case, or one summary when many cross at once', () => {
    const now = '2026-11-24T11:30:00.000Z'
    const few = pendingSlaAlerts([s1Case('1')], DEFAULT_SLA_POLICY, now, new Set())
    expect(slaNotifications(few)).toEqual([
      { caseId: '1', title: 'CR-2026-000001: First response breached', body: 'Case 1' },
    ])
    const many = pendingSlaAlerts(
      ['1', '2', '3', '4'].map((id) => s1Case(id)),
      DEFAULT_SLA_POLICY,
      now,
      new Set(),
    )
    const summary = slaNotifications(many)
    expect(summary).toHaveLength(1)
    expect(summary[0]).toMatchObject({ caseId: '1', title: '4 of your cases need attention' })
  })
})
