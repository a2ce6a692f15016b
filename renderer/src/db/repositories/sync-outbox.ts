import type { TeamUser } from '@shared/protocol/sync/protocol'
import type { WorkstationDatabase } from '../database'
import type { OutboxRow } from '../schema'
import { SYNC_META_KEYS, type UnreadableRecord } from '../sync-tables'

/** A change the team server refused, as the analyst sees it. */
export interface RefusedChange {
  mutationId: number
  entity: string
  entityId: string
  caseId: string | null
  reason: string
  queuedAt: string
  /** The change itself as JSON, for copying elsewhere before it is retried or the case is reassigned. */
  text: string
}

const refused = (row: OutboxRow): RefusedChange => ({
  mutationId: row.mutationId!,
  entity: row.entity,
  entityId: row.entityId,
  caseId: row.caseId,
  reason: row.reason ?? 'Refused by the team server.',
  queuedAt: row.queuedAt,
  text: JSON.stringify(
    Object.fromEntries(Object.entries(row.fields).map(([name, write]) => [name, write.value])),
    null,
    2,
  ),
})

/** The team server this workstation has joined, as last signed in (the host keeps the token). */
export interface JoinedServer {
  serverUrl: string
  user: TeamUser
  clientId: string
}

/** What the analyst sees of the outbox: how much waits, what was refused and why; retrying. */
export function createSyncOutboxRepository(db: WorkstationDatabase) {
  return {
    /** Changes not yet on the server, refused ones included: nothing is dropped silently. */
    pendingCount: () => db.syncOutbox.count(),

    refused: async (): Promise<RefusedChange[]> =>
      (await db.syncOutbox.where('state').equals('rejected').sortBy('mutationId')).map(refused),

    /**
     * Sends a refused change again (after a lead reassigned the case back, say). One refused for a
     * clock ahead of the server's may be re-stamped once more.
     */
    async retry(mutationId: number): Promise<void> {
      await db.syncOutbox.update(mutationId, { state: 'pending', reason: undefined, restamped: undefined })
    },

    /** Pulled records kept out of the app (not readable as their kind, or stamped too far ahead). */
    unreadable: async (): Promise<UnreadableRecord[]> =>
      ((await db.syncMeta.get(SYNC_META_KEYS.unreadable))?.value as UnreadableRecord[] | undefined) ?? [],

    joined: async (): Promise<JoinedServer | null> =>
      ((await db.syncMeta.get(SYNC_META_KEYS.session))?.value as JoinedServer | undefined) ?? null,

    /**
     * Joins a team server. Joining another server than before starts over from its first change
     * (the cursor belongs to the old one); what waits in the outbox stays and goes to the new one.
     */
    async join(server: JoinedServer): Promise<void> {
      await db.transaction('rw', db.syncMeta, async () => {
        const before = (await db.syncMeta.get(SYNC_META_KEYS.session))?.value as JoinedServer | undefined
        if (before?.serverUrl !== server.serverUrl) await db.syncMeta.delete(SYNC_META_KEYS.cursor)
        await db.syncMeta.put({ key: SYNC_META_KEYS.session, value: server })
      })
    },

    /** Leaves the team server: later changes stay on this workstation; the outbox is kept. */
    leave: () => db.syncMeta.delete(SYNC_META_KEYS.session),

    /**
     * This workstation's id towards the team server for this account, made once per account: the
     * server binds an id to the first account that pushes under it and refuses it to any other, so
     * a shared workstation signs a second analyst in under an id of their own. (Resending what an
     * older id sent is harmless: the same stamped writes merge to the same record.)
     */
    async clientId(forAccount: string): Promise<string> {
      return db.transaction('rw', db.syncMeta, async () => {
        const stored = (await db.syncMeta.get(SYNC_META_KEYS.clientId))?.value
        const owner = (await db.syncMeta.get(SYNC_META_KEYS.clientIdOwner))?.value
        if (typeof stored === 'string' && owner === forAccount) return stored
        const made = `ws-${crypto.randomUUID()}`
        await db.syncMeta.bulkPut([
          { key: SYNC_META_KEYS.clientId, value: made },
          { key: SYNC_META_KEYS.clientIdOwner, value: forAccount },
        ])
        return made
      })
    },
  }
}
