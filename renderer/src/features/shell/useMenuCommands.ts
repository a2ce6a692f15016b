import { useEffect } from 'react'
import type { Actor } from '../../../../shared/domain'
import { platform } from '../../platform'
import { toggleTheme } from '../theme/useResolvedThemeMode'
import { exportAllCases, importCaseBundles, runReported } from '../transfer/transfer-actions'
import { focusCaseSearch } from './focus-targets'
import { useWorkspaceUi } from './ui-store'

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
