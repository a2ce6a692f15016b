import { HandoffDialog, LastHandoffNotice } from '@features/handoff'
import { IdentityDialog } from '@features/identity'
import { NewCaseDialog } from '@features/intake'
import { MetricsDashboard } from '@features/metrics'
import { useSlaNotifications } from '@features/notifications'
import { Box, CssBaseline, LinearProgress } from '@mui/material'
import { ThemeProvider } from '@mui/material/styles'
import { createWorkstationTheme } from '@ui/theme/theme'
import { toggleTheme, useResolvedThemeMode } from '@ui/theme/useResolvedThemeMode'
import { commandRegistry, useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useEffect, useMemo } from 'react'
import { AboutDialog } from './AboutDialog'
import { CommandPalette } from './commands/CommandPalette'
import { WORKSTATION_COMMANDS } from './commands/commands'
import { ShortcutsDialog } from './commands/ShortcutsDialog'
import { useGlobalShortcuts } from './commands/useGlobalShortcuts'
import { ErrorBoundary } from './ErrorBoundary'
import { NoticeArea } from './NoticeArea'
import { SkipLinks } from './SkipLinks'
import { SettingsDialog } from './settings/SettingsDialog'
import { TopBar } from './TopBar'
import { useMenuCommands } from './useMenuCommands'
import { Workspace } from './Workspace'

export function App() {
  const mode = useResolvedThemeMode()
  const theme = useMemo(() => createWorkstationTheme(mode), [mode])
  const analyst = useAnalyst()
  useEffect(() => commandRegistry.declare(WORKSTATION_COMMANDS), [])
  useCommandRuntime('workstation.toggle-theme', () => toggleTheme(mode))
  useMenuCommands(analyst)
  useGlobalShortcuts(analyst)
  useSlaNotifications(analyst)

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ErrorBoundary>
        <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
          {analyst === undefined && <LinearProgress aria-label="Opening the case database" />}
          {analyst === null && <IdentityDialog />}
          {analyst && (
            <>
              <SkipLinks />
              <TopBar analyst={analyst} />
              <LastHandoffNotice analyst={analyst} />
              <Workspace />
              <SettingsDialog analyst={analyst} />
              <CommandPalette analyst={analyst} />
              <NewCaseDialog />
              <MetricsDashboard />
              <HandoffDialog analyst={analyst} />
            </>
          )}
        </Box>
        <AboutDialog />
        <ShortcutsDialog />
        <NoticeArea />
      </ErrorBoundary>
    </ThemeProvider>
  )
}
