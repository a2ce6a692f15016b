import { CHANGES_CHANNEL, type SqlClient } from './db/sql'

/**
 * Tells this process's connected clients when new changes exist. Every process LISTENs on the
 * database, so a write through any server process over the same PostgreSQL reaches every client.
 */
export async function startChangeNotices(db: SqlClient) {
  const listeners = new Set<(sequence: number) => void>()
  const counter = await db.query<{ value: string }>('SELECT value FROM change_counter WHERE id = 1')
  let latest = Number(counter.rows[0]?.value ?? 0)
  const stop = await db.listen(CHANGES_CHANNEL, (payload) => {
    const sequence = Number(payload)
    if (!Number.isSafeInteger(sequence) || sequence <= latest) return
    latest = sequence
    for (const listener of listeners) listener(sequence)
  })
  return {
    latest: () => latest,
    subscribe(listener: (sequence: number) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop,
  }
}
export type ChangeNotices = Awaited<ReturnType<typeof startChangeNotices>>
