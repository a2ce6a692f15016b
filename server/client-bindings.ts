import type { User } from './accounts'
import type { SqlClient } from './db/sql'

/**
 * Binds a workstation's client id to the account that first pushes under it, and says whether this
 * account may push under it. A client id shows in every stamp a workstation sends, so anyone could
 * learn a colleague's; bound, it cannot be used to make their next mutation ids look already seen.
 */
export async function mayPushAs(db: SqlClient, clientId: string, user: User): Promise<boolean> {
  await db.query(
    'INSERT INTO client_bindings (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING',
    [clientId, user.id],
  )
  const bound = await db.query<{ user_id: string }>(
    'SELECT user_id FROM client_bindings WHERE client_id = $1',
    [clientId],
  )
  return bound.rows[0]?.user_id === user.id
}
