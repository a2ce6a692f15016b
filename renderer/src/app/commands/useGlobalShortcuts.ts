import { assignCaseToMe } from '@features/case'
import type { Actor } from '@shared/domain'
import { focusCaseSearch } from '@ui/focus-targets'
import { isTypingTarget } from '@workspace/shortcuts'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useEffect } from 'react'

/** "/", "n", "a", "s", "?" and Ctrl+, anywhere in the workspace; single keys not while typing or in a dialog. */
export function useGlobalShortcuts(analyst: Actor | null | undefined) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The desktop app's menu has Ctrl+, too; the web host has no menu, so it is handled here as well.
      if ((event.ctrlKey || event.metaKey) && event.key === ',') {
        event.preventDefault()
        useWorkspaceUi.getState().openSettings()
        return
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        useWorkspaceUi.getState().setPaletteOpen(true)
        return
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      if (isTypingTarget(event.target) || document.querySelector('[role="dialog"]')) return
      const ui = useWorkspaceUi.getState()
      switch (event.key) {
        case '/':
          focusCaseSearch()
          break
        case 'n':
          ui.setNewCaseOpen(true)
          break
        case '?':
          ui.setShortcutsOpen(true)
          break
        case 'a':
          if (!ui.selectedCaseId || !analyst) return
          void assignCaseToMe(ui.selectedCaseId, analyst)
          break
        case 's':
          if (!ui.selectedCaseId) return
          ui.requestCaseAction('change-status')
          break
        default:
          return
      }
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [analyst])
}
