import { Alert } from '@mui/material'
import type { SettingScope } from '@shared/rules/settings/registry'
import { canAssign, useJoinedServer } from './useJoinedServer'

/**
 * Under a setting the registry (shared/rules/settings/registry.ts) scopes to the team: says so once
 * this workstation has joined a server, and who may change it (the server refuses a change by someone
 * the registry does not let write it, which then waits under Team server with its reason).
 */
export function TeamSettingNote({ setting }: { setting: SettingScope }) {
  const joined = useJoinedServer()
  if (!joined || setting.scope !== 'team') return null
  return (
    <Alert severity="info" role="note">
      {setting.writers === 'analyst' || canAssign(joined)
        ? 'Shared with your team: what you save here reaches every workstation.'
        : 'Shared with your team and kept by its leads: a change saved here is refused by the team server.'}
    </Alert>
  )
}
