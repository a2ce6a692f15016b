import { exportAllCases, importCaseBundles, runReported } from '@features/transfer'
import { platform } from '@platform'
import type { Actor } from '@shared/domain'
import { focusCaseSearch } from '@ui/focus-targets'
import { toggleTheme } from '@ui/theme/useResolvedThemeMode'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useEffect } from 'react'

/** The desktop app's menu runs the same actions as the buttons. */
export function useMenuCommands(analyst: Actor | null | undefined, themeMode: 'light' | 'dark'): void {
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        const ui = useWorkspaceUi.getState()
        switch (command) {
          case 'open-settings':
            return ui.openSettings()
          case 'show-about':
            return ui.setAboutOpen(true)
          case 'toggle-theme':
            return toggleTheme(themeMode)
          case 'focus-search':
            return focusCaseSearch()
          case 'import-bundle':
            if (analyst) runReported(() => importCaseBundles(analyst))
            return
          case 'export-bundle':
            if (analyst) runReported(() => exportAllCases(analyst))
            return
        }
      }),
    [analyst, themeMode],
  )
}
