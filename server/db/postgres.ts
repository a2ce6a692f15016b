import pg from 'pg'
import type { SqlClient } from './sql'

/** PostgreSQL through a `pg` pool (DATABASE_URL): what several server processes share. */
export function openPostgres(connectionString: string): SqlClient {
  const pool = new pg.Pool({ connectionString })
  // An idle connection the database drops (a restart, a terminated backend) must not crash the
  // process: the pool replaces it on the next query.
  pool.on('error', () => {})
  const onClient = (client: pg.PoolClient): SqlClient => ({
    query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }),
    exec: async (sql) => {
      await client.query(sql)
    },
    transaction: (work) => work(onClient(client)),
    listen: () => Promise.reject(new Error('Listen outside the transaction.')),
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
    /** A connection of its own, outside the pool, held for as long as the process listens. */
    async listen(channel, onMessage) {
      const client = new pg.Client({ connectionString })
      await client.connect()
      client.on('notification', (message) => {
        if (message.channel === channel) onMessage(message.payload ?? '')
      })
      // Without this a dropped connection would crash the process; the server goes on without notices.
      client.on('error', () => {})
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      return () => client.end()
    },
    close: () => pool.end(),
  }
}
