import { Box, CssBaseline, LinearProgress } from '@mui/material'
import { ThemeProvider } from '@mui/material/styles'
import { useMemo } from 'react'
import { HandoffDialog } from '../handoff/HandoffDialog'
import { LastHandoffNotice } from '../handoff/LastHandoffNotice'
import { IdentityDialog } from '../identity/IdentityDialog'
import { useAnalyst } from '../identity/useAnalyst'
import { NewCaseDialog } from '../intake/NewCaseDialog'
import { MetricsDashboard } from '../metrics/MetricsDashboard'
import { useSlaNotifications } from '../notifications/useSlaNotifications'
import { SettingsDialog } from '../settings/SettingsDialog'
import { CommandPalette } from '../shortcuts/CommandPalette'
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog'
import { useGlobalShortcuts } from '../shortcuts/useGlobalShortcuts'
import { createWorkstationTheme } from '../theme/theme'
import { useResolvedThemeMode } from '../theme/useResolvedThemeMode'
import { AboutDialog } from './AboutDialog'
import { ErrorBoundary } from './ErrorBoundary'
import { NoticeArea } from './NoticeArea'
import { SkipLinks } from './SkipLinks'
import { TopBar } from './TopBar'
import { useMenuCommands } from './useMenuCommands'
import { Workspace } from './Workspace'

export function App() {
  const mode = useResolvedThemeMode()
  const theme = useMemo(() => createWorkstationTheme(mode), [mode])
  const analyst = useAnalyst()
  useMenuCommands(analyst, mode)
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
