import type { Case } from '../../domain'
import { computeSlaClocks, SLA_TARGET_LABEL, type SlaTarget } from './clock'
import type { SlaPolicy } from './policy'

export type SlaAlertLevel = 'at_risk' | 'breached'

/** One moment an analyst should hear about: a target of one of their cases became at risk or breached. */
export interface SlaAlert {
  caseId: string
  caseNumber: string
  title: string
  target: SlaTarget
  level: SlaAlertLevel
  /**
   * Identifies this crossing, so it is announced once: a clock re-timed later (pause, severity
   * change, new policy) has a new due time and may be announced again.
   */
  key: string
}

/** The crossings of running clocks at `now` that have not been announced yet (`announced` holds keys). */
export function pendingSlaAlerts(
  cases: readonly Case[],
  policy: SlaPolicy,
  now: string,
  announced: ReadonlySet<string>,
): SlaAlert[] {
  const alerts: SlaAlert[] = []
  for (const record of cases) {
    const clocks = computeSlaClocks(record.slaEvents, policy, now)
    for (const clock of [clocks.firstResponse, clocks.resolution]) {
      if (clock.phase !== 'running' || clock.health === 'ok') continue
      const key = `${record.id}|${clock.target}|${clock.health}|${clock.dueAt}`
      if (announced.has(key)) continue
      alerts.push({
        caseId: record.id,
        caseNumber: record.caseNumber,
        title: record.title,
        target: clock.target,
        level: clock.health,
        key,
      })
    }
  }
  return alerts
}

/** More than this many at once become one summary notification instead of a burst. */
export const MAX_SEPARATE_NOTIFICATIONS = 3

export interface SlaNotification {
  caseId: string
  title: string
  body: string
}

/** What the desktop shows for a set of new alerts: one per case, or a single summary when many. */
export function slaNotifications(alerts: readonly SlaAlert[]): SlaNotification[] {
  if (alerts.length === 0) return []
  const describe = (alert: SlaAlert) =>
    `${SLA_TARGET_LABEL[alert.target]} ${alert.level === 'breached' ? 'breached' : 'at risk'}`
  if (alerts.length > MAX_SEPARATE_NOTIFICATIONS) {
    const breached = alerts.filter((alert) => alert.level === 'breached')
    const first = breached[0] ?? alerts[0]!
    const cases = new Set(alerts.map((alert) => alert.caseId)).size
    return [
      {
        caseId: first.caseId,
        title: `${cases} of your cases need attention`,
        body: `${breached.length} SLA target${breached.length === 1 ? '' : 's'} breached, ${alerts.length - breached.length} at risk. Click to open ${first.caseNumber}.`,
      },
    ]
  }
  return alerts.map((alert) => ({
    caseId: alert.caseId,
    title: `${alert.caseNumber}: ${describe(alert)}`,
    body: alert.title,
  }))
}
