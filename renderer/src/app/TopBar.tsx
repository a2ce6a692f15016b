import { SyncStatusChip } from '@features/sync'
import { TransferMenu } from '@features/transfer'
import AddIcon from '@mui/icons-material/Add'
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn'
import InsightsIcon from '@mui/icons-material/Insights'
import SettingsIcon from '@mui/icons-material/Settings'
import ShieldIcon from '@mui/icons-material/Shield'
import { AppBar, Box, Button, IconButton, Toolbar, Tooltip, Typography } from '@mui/material'
import type { Actor } from '@shared/domain'
import { runCommand } from '@workspace/commands'
import { SearchBox } from './SearchBox'

/** The buttons run the same commands as the palette, the keys and the menus. */
export function TopBar({ analyst }: { analyst: Actor }) {
  const run = (id: string) => () => void runCommand(id, analyst)
  return (
    <AppBar position="static" elevation={0} color="primary" enableColorOnDark>
      <Toolbar variant="dense" sx={{ gap: 2 }}>
        <ShieldIcon fontSize="small" />
        <Typography variant="h1" component="div" sx={{ fontSize: '1rem', whiteSpace: 'nowrap' }}>
          Critical Response Workstation
        </Typography>
        <SearchBox />
        <Tooltip title="New case (n)">
          <Button
            color="inherit"
            variant="outlined"
            size="small"
            startIcon={<AddIcon />}
            onClick={run('intake.new-case')}
            sx={{ whiteSpace: 'nowrap', borderColor: 'rgba(255,255,255,0.5)' }}
          >
            New case
          </Button>
        </Tooltip>
        <Box sx={{ flexGrow: 1 }} />
        <Tooltip title="Case metrics">
          <IconButton color="inherit" aria-label="Dashboard" onClick={run('metrics.dashboard')}>
            <InsightsIcon />
          </IconButton>
        </Tooltip>
        <Tooltip title="Write the shift handoff">
          <IconButton color="inherit" aria-label="Shift handoff" onClick={run('handoff.write')}>
            <AssignmentReturnIcon />
          </IconButton>
        </Tooltip>
        <SyncStatusChip />
        <TransferMenu analyst={analyst} />
        <Tooltip title={`${analyst.name} (${analyst.id})`}>
          <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {analyst.name}
          </Typography>
        </Tooltip>
        <Tooltip title="Settings (Ctrl+,)">
          <IconButton color="inherit" aria-label="Settings" onClick={run('workstation.settings')}>
            <SettingsIcon />
          </IconButton>
        </Tooltip>
      </Toolbar>
    </AppBar>
  )
}
