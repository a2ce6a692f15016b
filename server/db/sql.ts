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
  close(): Promise<void>
}
