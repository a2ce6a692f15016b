import pg from 'pg'
import type { SqlClient } from './sql'

/** PostgreSQL through a `pg` pool (DATABASE_URL): what several server processes share. */
export function openPostgres(connectionString: string): SqlClient {
  const pool = new pg.Pool({ connectionString })
  const onClient = (client: pg.PoolClient): SqlClient => ({
    query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }),
    exec: async (sql) => {
      await client.query(sql)
    },
    transaction: (work) => work(onClient(client)),
    close: async () => {},
  })
  return {
    query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
    exec: async (sql) => {
      await pool.query(sql)
    },
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(onClient(client))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
