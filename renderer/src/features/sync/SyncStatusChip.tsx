import { repositories } from '@db/instance'
import CloudDoneIcon from '@mui/icons-material/CloudDone'
import CloudOffIcon from '@mui/icons-material/CloudOff'
import CloudSyncIcon from '@mui/icons-material/CloudSync'
import SyncProblemIcon from '@mui/icons-material/SyncProblem'
import { Chip, Tooltip } from '@mui/material'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'
import { syncStatusText } from './sync-status-text'
import { useJoinedServer } from './useJoinedServer'
import { useSyncState } from './useSyncState'

const ICONS = {
  offline: <CloudOffIcon />,
  syncing: <CloudSyncIcon />,
  'up-to-date': <CloudDoneIcon />,
  error: <SyncProblemIcon />,
}

/** Where sync stands, in the top bar; clicking it opens the team server settings. */
export function SyncStatusChip() {
  const joined = useJoinedServer()
  const state = useSyncState()
  const pending = useLiveQuery(() => repositories.syncOutbox.pendingCount(), []) ?? 0
  const openSettings = () => useWorkspaceUi.getState().openSettings('Team server')
  const chipSx = {
    color: 'inherit',
    borderColor: 'rgba(255,255,255,0.5)',
    '& .MuiChip-icon': { color: 'inherit' },
  }
  if (joined === undefined) return null
  if (joined === null)
    return (
      <Tooltip title="Every case lives only on this computer. Click to sign in to a team server.">
        <Chip
          icon={<CloudOffIcon />}
          label="Offline only — no team server"
          aria-label="Sync status: Offline only — no team server"
          variant="outlined"
          onClick={openSettings}
          sx={chipSx}
        />
      </Tooltip>
    )
  const { label, detail } = syncStatusText(state, pending)
  return (
    <Tooltip title={`${joined.serverUrl} as ${joined.user.displayName}. ${detail}`}>
      <Chip
        icon={ICONS[state?.kind ?? 'syncing']}
        label={label}
        aria-label={`Sync status: ${label}`}
        variant="outlined"
        color={state?.kind === 'error' ? 'warning' : 'default'}
        onClick={openSettings}
        sx={chipSx}
      />
    </Tooltip>
  )
}
