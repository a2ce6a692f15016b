import {
  CASE_STATUS_INFO,
  CASE_STATUS_TRANSITIONS,
  CASE_STATUSES,
  type CaseStatus,
  canTransition,
  isOpenStatus,
  OPEN_STATUSES,
} from '@shared/domain'
import { describe, expect, it } from 'vitest'

describe('case status workflow', () => {
  it('lets an analyst move a new escalation into triage or straight into investigation', () => {
    expect(canTransition('new', 'triage')).toBe(true)
    expect(canTransition('new', 'investigating')).toBe(true)
  })

  it('does not let a case jump from new to resolved without an investigation', () => {
    expect(canTransition('new', 'resolved')).toBe(false)
    expect(canTransition('triage', 'resolved')).toBe(false)
  })

  it('pauses on a party and comes back to investigating', () => {
    expect(canTransition('investigating', 'awaiting_party')).toBe(true)
    expect(canTransition('awaiting_party', 'investigating')).toBe(true)
  })

  it('reopens resolved and closed cases into investigating only', () => {
    expect(CASE_STATUS_TRANSITIONS.resolved).toContain('investigating')
    expect(CASE_STATUS_TRANSITIONS.closed).toEqual(['investigating'])
  })

  it('never allows a transition to the same status', () => {
    for (const status of CASE_STATUSES) expect(canTransition(status, status)).toBe(false)
  })

  it('every status can be reached from new and can reach closed', () => {
    const reachable = (from: CaseStatus): Set<CaseStatus> => {
      const seen = new Set<CaseStatus>([from])
      const queue = [from]
      while (queue.length) {
        for (const next of CASE_STATUS_TRANSITIONS[queue.shift()!]) {
          if (!seen.has(next)) {
            seen.add(next)
            queue.push(next)
          }
        }
      }
      return seen
    }
    expect([...reachable('new')].sort()).toEqual([...CASE_STATUSES].sort())
    for (const status of CASE_STATUSES) expect(reachable(status).has('closed')).toBe(true)
  })

  it('treats resolved and closed as the only finished statuses', () => {
    expect(OPEN_STATUSES).toEqual(['new', 'triage', 'investigating', 'awaiting_party', 'pending_review'])
    expect(isOpenStatus('resolved')).toBe(false)
    expect(CASE_STATUS_INFO.awaiting_party.meaning).toMatch(/paused/)
  })
})
