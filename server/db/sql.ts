/**
 * The little the server needs from a database: parameterised queries, scripts and transactions.
 * Implemented over PostgreSQL (`pg`) and over embedded PGlite (same SQL), so `npm run server` works
 * on a fresh machine and a team runs it on PostgreSQL.
 */
export interface SqlClient {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>
  /** Several statements without parameters (a migration). */
  exec(sql: string): Promise<void>
  /** Runs `work` in one transaction; rolled back if it throws. Nested calls join the outer one. */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>
  /**
   * Calls `onMessage` with each NOTIFY payload on `channel`, from whichever server process sent it.
   * Resolves to a function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>
  close(): Promise<void>
}

/** The channel on which a server process announces the latest change sequence after a write. */
export const CHANGES_CHANNEL = 'crw_changes'
