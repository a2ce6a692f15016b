import { repositories } from '@db/instance'
import type { JoinedServer } from '@db/repositories/sync-outbox'
import { Alert, Button, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material'
import { syncNow } from '@services/team-sync/sync-worker-client'
import { signInToTeamServer, signOutOfTeamServer } from '@services/team-sync/team-sync'
import { formatDateTime } from '@ui/format/time'
import { attempt, notify } from '@ui/notices'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { SignInKeptNote } from './SignInKeptNote'
import { syncStatusText } from './sync-status-text'
import { useJoinedServer } from './useJoinedServer'
import { useSyncState } from './useSyncState'

/** Settings → Team server: sign in, where sync stands, and the changes the server refused. */
export function TeamServerSection() {
  const joined = useJoinedServer()
  if (joined === undefined) return null
  return joined ? <SignedIn joined={joined} /> : <SignInForm />
}

function SignInForm({ serverUrl = '' }: { serverUrl?: string }) {
  const [form, setForm] = useState({ serverUrl, username: '', password: '' })
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [name]: event.target.value }),
  })
  return (
    <Stack
      component="form"
      spacing={1.5}
      aria-label="Sign in to a team server"
      onSubmit={async (event) => {
        event.preventDefault()
        setBusy(true)
        setProblem(null)
        try {
          await signInToTeamServer(form)
          notify('success', 'Signed in. Cases now sync with the team server.')
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error))
        } finally {
          setBusy(false)
        }
      }}
    >
      <Typography variant="body2" color="text.secondary">
        Sign in to share the team queue. Work goes on offline and syncs when the network returns. Cases opened
        before signing in stay on this computer.
      </Typography>
      <TextField
        label="Server address"
        placeholder="https://crw.example.org"
        required
        {...field('serverUrl')}
      />
      <Stack direction="row" spacing={1.5}>
        <TextField label="User name" required autoComplete="username" fullWidth {...field('username')} />
        <TextField
          label="Password"
          type="password"
          required
          autoComplete="current-password"
          fullWidth
          {...field('password')}
        />
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      <Stack direction="row">
        <Button type="submit" variant="contained" disabled={busy}>
          Sign in
        </Button>
      </Stack>
    </Stack>
  )
}

function SignedIn({ joined }: { joined: JoinedServer }) {
  const state = useSyncState()
  const pending = useLiveQuery(() => repositories.syncOutbox.pendingCount(), []) ?? 0
  const refused = useLiveQuery(() => repositories.syncOutbox.refused(), []) ?? []
  const unreadable = useLiveQuery(() => repositories.syncOutbox.unreadable(), []) ?? []
  const [reentering, setReentering] = useState(false)
  const { label, detail } = syncStatusText(state, pending)
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2">
        Signed in to <strong>{joined.serverUrl}</strong> as {joined.user.displayName} ({joined.user.role}).
      </Typography>
      <Typography variant="body2" data-testid="sync-status">
        {label}. {detail}
      </Typography>
      <SignInKeptNote />
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={syncNow}>
          Sync now
        </Button>
        <Button variant="outlined" onClick={() => setReentering(!reentering)}>
          Sign in again
        </Button>
        <Button
          variant="outlined"
          color="warning"
          onClick={() =>
            attempt(
              signOutOfTeamServer,
              pending > 0
                ? `Signed out. ${pending} changes wait here until you sign in again.`
                : 'Signed out. Cases stay on this computer.',
            )
          }
        >
          Sign out
        </Button>
      </Stack>
      {reentering && <SignInForm serverUrl={joined.serverUrl} />}
      {refused.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2" component="h4">
            Changes the team server refused ({refused.length})
          </Typography>
          <Typography variant="body2" color="text.secondary">
            They are kept here. Copy one to keep its text, or retry it once the reason is resolved (a lead
            reassigned the case back, say).
          </Typography>
          <Stack direction="row">
            <Button
              size="small"
              variant="outlined"
              onClick={async () => {
                for (const change of refused) await repositories.syncOutbox.retry(change.mutationId)
                syncNow()
              }}
            >
              Retry all
            </Button>
          </Stack>
          <List dense aria-label="Refused changes">
            {refused.map((change) => (
              <ListItem
                key={change.mutationId}
                divider
                secondaryAction={
                  <Stack direction="row" spacing={1}>
                    <Button
                      size="small"
                      onClick={() =>
                        attempt(() => navigator.clipboard.writeText(change.text), 'Change copied.')
                      }
                    >
                      Copy
                    </Button>
                    <Button
                      size="small"
                      onClick={async () => {
                        await repositories.syncOutbox.retry(change.mutationId)
                        syncNow()
                      }}
                    >
                      Retry
                    </Button>
                  </Stack>
                }
              >
                <ListItemText
                  primary={`${change.entity} · ${change.reason}`}
                  secondary={`Made ${formatDateTime(change.queuedAt)} · ${Object.keys(JSON.parse(change.text)).join(', ')}`}
                />
              </ListItem>
            ))}
          </List>
        </Stack>
      )}
      {unreadable.length > 0 && (
        <Alert severity="warning">
          {unreadable.length} record(s) from the team server could not be read or were stamped too far ahead,
          and were kept out of the workstation: {unreadable.map((entry) => entry.problem).join(' ')}
        </Alert>
      )}
    </Stack>
  )
}
