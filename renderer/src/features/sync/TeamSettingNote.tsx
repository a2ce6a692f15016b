import { Alert } from '@mui/material'
import { canAssign, useJoinedServer } from './useJoinedServer'

/**
 * Under a setting the team shares through its server (shared/settings/team-settings.ts): says so once
 * this workstation has joined a server, and who may change it (the server refuses an analyst's change,
 * which then waits under Team server with its reason).
 */
export function TeamSettingNote() {
  const joined = useJoinedServer()
  if (!joined) return null
  return (
    <Alert severity="info" role="note">
      {canAssign(joined)
        ? 'Shared with your team: what you save here reaches every workstation.'
        : 'Shared with your team and kept by its leads: a change saved here is refused by the team server.'}
    </Alert>
  )
}
