import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { SqlClient } from './sql'

/** Embedded PostgreSQL (PGlite) in a data directory, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir)
  const inTransaction = (tx: Transaction): SqlClient => ({
    query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }),
    exec: async (sql) => {
      await tx.exec(sql)
    },
    transaction: (work) => work(inTransaction(tx)),
    listen: () => Promise.reject(new Error('Listen outside the transaction.')),
    close: async () => {},
  })
  return {
    query: async (sql, params) => ({ rows: (await db.query(sql, params)).rows as never[] }),
    exec: async (sql) => {
      await db.exec(sql)
    },
    transaction: (work) => db.transaction((tx) => work(inTransaction(tx))),
    listen: (channel, onMessage) => db.listen(channel, onMessage),
    close: () => db.close(),
  }
}
