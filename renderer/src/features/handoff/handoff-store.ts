import { create } from 'zustand'
import { persist } from 'zustand/middleware'

interface HandoffUiState {
  /** Per analyst (by id), the last handoff they have read and put away. */
  dismissed: Record<string, string>
  dismiss(analystId: string, handoffId: string): void
}

/** Which handoff each analyst of this workstation has read: UI state, kept on this computer. */
export const useHandoffUi = create<HandoffUiState>()(
  persist(
    (set) => ({
      dismissed: {},
      dismiss: (analystId, handoffId) =>
        set((state) => ({ dismissed: { ...state.dismissed, [analystId]: handoffId } })),
    }),
    { name: 'crw.handoff' },
  ),
)
