import { Alert } from '@mui/material'
import { platform } from '@platform'
import type { WhereKept } from '@shared/protocol/sync/gateway'
import { useEffect, useState } from 'react'

/**
 * Says so when the host keeps the sign-in in memory only (no secure keychain on this computer):
 * the analyst will have to sign in again after a restart. Nothing is shown when the keychain keeps it.
 */
export function SignInKeptNote() {
  const [kept, setKept] = useState<WhereKept | null>(null)
  // Asked once shown: Settings shows it only after the host has saved the sign-in.
  useEffect(() => {
    let current = true
    platform.teamServer.session().then(
      (session) => current && setKept(session?.kept ?? null),
      () => current && setKept(null),
    )
    return () => {
      current = false
    }
  }, [])
  if (kept?.in !== 'memory') return null
  return (
    <Alert severity="info" data-testid="sign-in-kept">
      Your sign-in is kept in memory only: {kept.reason}. You will sign in again after restarting the app.
    </Alert>
  )
}
