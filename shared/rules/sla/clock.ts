import { CASE_STATUS_INFO, type CaseStatus } from '../../domain/case-status'
import type { Severity } from '../../domain/severity'
import type { SlaClockEvent } from '../../domain/sla-clock-event'
import type { SlaPolicy } from './policy'
import { addWorkingMs, subtractWorkingMs, targetMs, workingMsBetween } from './working-time'

export type SlaTarget = 'first_response' | 'resolution'
export const SLA_TARGET_LABEL: Record<SlaTarget, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
}

/** A target's clock as of its last change: everything later is a projection from these instants. */
export interface SlaTargetClock {
  target: SlaTarget
  allowedMs: number
  /** Working time used up to `since`. */
  elapsedMs: number
  /** The clock runs (counts down) from `since`; paused while awaiting a party; done when met. */
  phase: 'running' | 'paused' | 'done'
  since: string
  completedAt: string | null
  /**
   * When a running clock's time runs out / it becomes at risk, counted at its own pace from its
   * latest stretch (so after a pause, later than the moment it first breached); null when paused or
   * done. The queue sorts by this instant, and the time over or left the chips show is measured from it.
   */
  dueAt: string | null
  atRiskAt: string | null
  /** The moments the target became at risk and was exceeded, if that happened by `since`. */
  reachedRiskAt: string | null
  breachedAt: string | null
  /** Working time left at `since` (negative once breached). */
  remainingMs: number
  health: SlaHealth
}

/** ok / at risk / breached; a target met late stays breached. */
export type SlaHealth = 'ok' | 'at_risk' | 'breached'

export type SlaHistoryKind =
  | 'started'
  | 'paused'
  | 'resumed'
  | 'met'
  | 'reopened'
  | 'severity_changed'
  | 'at_risk'
  | 'breached'

export interface SlaHistoryEntry {
  at: string
  kind: SlaHistoryKind
  target: SlaTarget | null
  detail: string
}

export interface SlaClocks {
  severity: Severity
  firstResponse: SlaTargetClock
  resolution: SlaTargetClock
  history: SlaHistoryEntry[]
}

const iso = (ms: number) => new Date(ms).toISOString()
const PAUSING_STATUS: CaseStatus = 'awaiting_party'

/** First response is given when the case leaves "new"; resolution when it is no longer open. */
function completes(target: SlaTarget, status: CaseStatus): boolean {
  return target === 'first_response' ? status !== 'new' : !CASE_STATUS_INFO[status].open
}

interface Walk {
  clock: SlaTargetClock
  /** Start of the current stretch, ms. */
  sinceMs: number
}

/**
 * Replays the clock events under the policy. Crossings (at risk, breached) that happen between
 * events are found exactly with working-time arithmetic, so the history reads like a log.
 */
export function computeSlaClocks(
  events: readonly SlaClockEvent[],
  policy: SlaPolicy,
  /** Read the clocks at this instant (default: the last event). */
  now?: string,
): SlaClocks {
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at))
  const opened = ordered[0]
  if (opened?.type !== 'opened') throw new Error('SLA clock events must start with the opening')
  const { schedule, atRiskFraction } = policy
  let severity = opened.severity
  let status = opened.status
  const history: SlaHistoryEntry[] = []
  const note = (at: number, kind: SlaHistoryKind, target: SlaTarget | null, detail: string) =>
    history.push({ at: iso(at), kind, target, detail })

  const allowed = (target: SlaTarget) =>
    targetMs(policy.targets[severity][target === 'first_response' ? 'firstResponse' : 'resolution'], schedule)
  const openedMs = Date.parse(opened.at)
  const walks: Record<SlaTarget, Walk> = {
    first_response: startWalk('first_response'),
    resolution: startWalk('resolution'),
  }
  note(openedMs, 'started', null, `Clocks started (${severity})`)

  function startWalk(target: SlaTarget): Walk {
    const done = completes(target, status)
    const paused = !done && status === PAUSING_STATUS
    return {
      clock: {
        target,
        allowedMs: allowed(target),
        elapsedMs: 0,
        phase: done ? 'done' : paused ? 'paused' : 'running',
        since: opened!.at,
        completedAt: done ? opened!.at : null,
        dueAt: null,
        atRiskAt: null,
        reachedRiskAt: null,
        breachedAt: null,
        remainingMs: 0,
        health: 'ok',
      },
      sinceMs: openedMs,
    }
  }

  /** Counts working time up to `to`, noting crossings of the risk and breach thresholds. */
  function advance(walk: Walk, to: number, inclusive: boolean) {
    const { clock } = walk
    if (clock.phase !== 'running') {
      walk.sinceMs = to
      return
    }
    const riskAt = clock.allowedMs * (1 - atRiskFraction)
    const before = clock.elapsedMs
    const crossing = (threshold: number) => {
      if (before >= threshold) return walk.sinceMs
      const at = addWorkingMs(schedule, walk.sinceMs, threshold - before)
      return inclusive ? (at <= to ? at : null) : at < to ? at : null
    }
    if (clock.reachedRiskAt === null) {
      const at = crossing(riskAt)
      if (at !== null) {
        clock.reachedRiskAt = iso(at)
        note(at, 'at_risk', clock.target, `${SLA_TARGET_LABEL[clock.target]} at risk`)
      }
    }
    if (clock.breachedAt === null) {
      const at = crossing(clock.allowedMs)
      if (at !== null) {
        clock.breachedAt = iso(at)
        note(at, 'breached', clock.target, `${SLA_TARGET_LABEL[clock.target]} breached`)
      }
    }
    clock.elapsedMs = before + workingMsBetween(schedule, walk.sinceMs, to)
    walk.sinceMs = to
  }

  for (const event of ordered.slice(1)) {
    const at = Date.parse(event.at)
    for (const walk of Object.values(walks)) advance(walk, at, false)
    if (event.type === 'severity') {
      if (event.severity === severity) continue
      note(at, 'severity_changed', null, `Severity ${severity} → ${event.severity}`)
      severity = event.severity
      for (const walk of Object.values(walks)) {
        walk.clock.allowedMs = allowed(walk.clock.target)
        // A longer target can take a clock out of risk; a breach already recorded stands.
        if (walk.clock.elapsedMs < walk.clock.allowedMs * (1 - atRiskFraction))
          walk.clock.reachedRiskAt = null
      }
      continue
    }
    if (event.type !== 'status' || event.status === status) continue
    const previous = status
    status = event.status
    for (const walk of Object.values(walks)) transition(walk, previous, at)
  }

  function transition(walk: Walk, previous: CaseStatus, at: number) {
    const { clock } = walk
    const label = SLA_TARGET_LABEL[clock.target]
    if (clock.phase === 'done') {
      // Only resolution can be undone: reopening a resolved case resumes its clock.
      if (clock.target === 'resolution' && !completes('resolution', status)) {
        clock.phase = status === PAUSING_STATUS ? 'paused' : 'running'
        clock.completedAt = null
        clock.since = iso(at)
        note(at, 'reopened', clock.target, `${label} clock resumed: case reopened`)
      }
      return
    }
    if (completes(clock.target, status)) {
      clock.phase = 'done'
      clock.completedAt = iso(at)
      clock.since = iso(at)
      const late = clock.breachedAt !== null
      note(at, 'met', clock.target, late ? `${label} given late` : `${label} met`)
      return
    }
    const paused = status === PAUSING_STATUS
    if (paused && clock.phase === 'running') {
      clock.phase = 'paused'
      clock.since = iso(at)
      note(at, 'paused', clock.target, `${label} clock paused: awaiting a party`)
    } else if (!paused && clock.phase === 'paused' && previous === PAUSING_STATUS) {
      clock.phase = 'running'
      clock.since = iso(at)
      note(at, 'resumed', clock.target, `${label} clock resumed`)
    }
  }

  const lastMs = Date.parse(ordered.at(-1)!.at)
  const readAt = now === undefined ? lastMs : Math.max(lastMs, Date.parse(now))
  for (const walk of Object.values(walks)) {
    advance(walk, readAt, true)
    project(walk)
  }
  history.sort((a, b) => a.at.localeCompare(b.at))
  return { severity, firstResponse: walks.first_response.clock, resolution: walks.resolution.clock, history }

  /** Fills in the reading at `sinceMs` and, for a running clock, when it becomes at risk and due. */
  function project(walk: Walk) {
    const { clock } = walk
    const riskThreshold = clock.allowedMs * (1 - atRiskFraction)
    clock.since = iso(walk.sinceMs)
    clock.remainingMs = clock.allowedMs - clock.elapsedMs
    clock.health =
      clock.breachedAt !== null || clock.remainingMs <= 0
        ? 'breached'
        : clock.phase !== 'done' && clock.elapsedMs >= riskThreshold
          ? 'at_risk'
          : 'ok'
    if (clock.phase !== 'running') return
    // When the used time reaches a threshold, counted from this stretch at the clock's own pace:
    // forwards while time is left, backwards once it has run out. Every pause moves the instant on,
    // so due time and the time over (or left) that the chips show are one reading: a clock breached,
    // paused and resumed is due the pause's length after it was breached, not when it was breached.
    const reaches = (threshold: number) => {
      const left = threshold - clock.elapsedMs
      return iso(
        left > 0
          ? addWorkingMs(schedule, walk.sinceMs, left)
          : subtractWorkingMs(schedule, walk.sinceMs, -left),
      )
    }
    clock.dueAt = reaches(clock.allowedMs)
    clock.atRiskAt = reaches(riskThreshold)
  }
}
