import { repositories } from '@db/instance'
import type { JoinedServer } from '@db/repositories/sync-outbox'
import { useLiveQuery } from 'dexie-react-hooks'

/** The team server this workstation has joined: undefined while loading, null when none. */
export function useJoinedServer(): JoinedServer | null | undefined {
  return useLiveQuery(() => repositories.syncOutbox.joined(), [])
}

/** Whether the signed-in user may assign cases to others (leads and admins). */
export const canAssign = (joined: JoinedServer | null | undefined) =>
  joined?.user.role === 'lead' || joined?.user.role === 'admin'
