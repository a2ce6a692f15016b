import { create } from 'zustand'
import { persist } from 'zustand/middleware'

interface NotificationState {
  /** Desktop notifications when a case assigned to me becomes at risk or breached. */
  slaAlertsEnabled: boolean
  /** Keys of the SLA crossings already announced (see pendingSlaAlerts), so each is shown once. */
  announced: string[]
  setSlaAlertsEnabled(enabled: boolean): void
  setAnnounced(keys: string[]): void
}

/** Per-workstation notification preferences and memory (UI state, kept in localStorage). */
export const useNotificationStore = create<NotificationState>()(
  persist(
    (set) => ({
      slaAlertsEnabled: true,
      announced: [],
      setSlaAlertsEnabled: (slaAlertsEnabled) => set({ slaAlertsEnabled }),
      setAnnounced: (announced) => set({ announced }),
    }),
    { name: 'crw.notifications' },
  ),
)
