import { repositories } from '@db/instance'
import { useCaseWrites } from '@features/queue'
import { useNow, useSlaPolicy } from '@features/sla'
import { platform } from '@platform'
import type { Actor, Case } from '@shared/domain'
import { pendingSlaAlerts, slaNotifications } from '@shared/rules/sla/alerts'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { useNotificationStore } from './notification-store'

/**
 * Watches the analyst's own open cases and raises a desktop notification when one of their SLA
 * targets becomes at risk or is breached; clicking it opens the case.
 */
export function useSlaNotifications(analyst: Actor | null | undefined) {
  const now = useNow(15_000)
  const policy = useSlaPolicy()
  const enabled = useNotificationStore((state) => state.slaAlertsEnabled)
  const analystId = analyst?.id
  const caseWrites = useCaseWrites()
  const myCases = useLiveQuery(async () => {
    if (!analystId) return []
    const ids = await repositories.queueViews.caseIds('mine', { analystId, now: new Date().toISOString() })
    return (await repositories.cases.getMany(ids)).filter((record): record is Case => record !== undefined)
  }, [analystId, caseWrites])

  useEffect(
    () => platform.onNotificationClicked((caseId) => useWorkspaceUi.getState().selectCase(caseId)),
    [],
  )

  useEffect(() => {
    if (!enabled || !policy || !myCases) return
    const at = new Date(now).toISOString()
    const store = useNotificationStore.getState()
    const current = pendingSlaAlerts(myCases, policy, at, new Set())
    const announced = new Set(store.announced)
    const fresh = current.filter((alert) => !announced.has(alert.key))
    // Remember only crossings still current, so the list never grows past the analyst's own cases.
    const keys = current.map((alert) => alert.key)
    if (keys.join('\n') !== store.announced.join('\n')) store.setAnnounced(keys)
    for (const notification of slaNotifications(fresh)) {
      platform.showCaseNotification(notification).catch((error) => console.warn('Notification failed', error))
    }
  }, [enabled, policy, myCases, now])
}
