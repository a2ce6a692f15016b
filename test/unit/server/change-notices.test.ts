import { openChangeSocket } from '@electron/change-socket'
import { openPostgres } from '@server/db/postgres'
import type { SqlClient } from '@server/db/sql'
import { createChangeFeed } from '@shared/protocol/sync/change-feed'
import { createSyncGateway, memoryVault } from '@shared/protocol/sync/gateway'
import type { Mutation } from '@shared/protocol/sync/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { databasePerTest, freshPostgres, SERVER_DATABASES } from '../fixtures/server-databases'
import { startTestServer } from '../fixtures/test-server'

const password = 'a long enough password'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** One server process over `db`: its own notices listener and HTTP app on a loopback port. */
async function serverProcess(db: SqlClient) {
  const server = await startTestServer(db)
  cleanups.push(server.close)
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 })
  return { ...server, url }
}

const caseWrite = (mutationId: number, entityId: string, node: string): Mutation => ({
  mutationId,
  entity: 'case',
  entityId,
  caseId: entityId,
  fields: {
    title: {
      value: `Case ${entityId}`,
      hlc: `${String(1_700_000_000_000 + mutationId).padStart(15, '0')}:0000:${node}`,
    },
  },
  deleted: null,
})

function nextMessage(socket: WebSocket): Promise<number> {
  return new Promise((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(data.toString()).sequence)),
  )
}

for (const backend of SERVER_DATABASES)
  describe(`change notices on ${backend.name}`, () => {
    const database = databasePerTest(backend)
    it('tells a connected client the latest sequence, then each new one; refuses a socket without a session', async () => {
      const server = await serverProcess(database.db)
      await server.accounts.createUser(
        { username: 'lee', displayName: 'Lee Park', role: 'lead', password },
        null,
      )
      const vault = memoryVault()
      const gateway = createSyncGateway({ fetch, vault })
      await gateway.signIn({ serverUrl: server.url, username: 'lee', password })
      const seen: number[] = []
      const feed = createChangeFeed({
        vault,
        open: openChangeSocket,
        setTimer: () => () => {},
        random: () => 0.5,
      })
      const stop = feed.subscribe((sequence) => seen.push(sequence))
      cleanups.push(async () => stop())
      await expect.poll(() => seen).toEqual([0])
      await gateway.push({ clientId: 'lee-laptop', mutations: [caseWrite(1, 'case-1', 'lee-laptop')] })
      await expect.poll(() => seen).toEqual([0, 1])

      const refused = await new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/changes`)
        socket.on('unexpected-response', (_, response) => resolve(response.statusCode ?? 0))
        socket.on('open', () => resolve(101))
      })
      expect(refused).toBe(401)
    })
  })

describe('several server processes over one PostgreSQL', () => {
  it('fan change notices out to clients of every process, and give sequences no pull can skip', async () => {
    const shared = await freshPostgres()
    cleanups.push(shared.drop)
    const second = openPostgres(shared.url!)
    cleanups.push(() => second.close())
    const a = await serverProcess(shared.db)
    const b = await serverProcess(second)
    await a.accounts.createUser({ username: 'lee', displayName: 'Lee Park', role: 'lead', password }, null)
    const token = (
      await a.app.inject({ method: 'POST', url: '/v1/sessions', payload: { username: 'lee', password } })
    ).json().token as string
    const headers = { Authorization: `Bearer ${token}` }

    // A client of process B hears about a write made through process A.
    const socket = new WebSocket(`${b.url.replace('http', 'ws')}/v1/changes`, { headers })
    cleanups.push(async () => socket.terminate())
    expect(await nextMessage(socket)).toBe(0)
    const heard = nextMessage(socket)
    await fetch(`${a.url}/v1/sync/push`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: 'via-a', mutations: [caseWrite(1, 'first', 'via-a')] }),
    })
    expect(await heard).toBe(1)

    // Writers on both processes at once, and a reader pulling as it goes: it misses nothing.
    const pull = async (url: string, cursor: number) =>
      (await (
        await fetch(`${url}/v1/sync/pull`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ cursor, limit: 1_000 }),
        })
      ).json()) as { changes: { entityId: string }[]; cursor: number }
    let writing = true
    const seen = new Set<string>()
    const reader = (async () => {
      let cursor = 0
      while (writing) {
        const page = await pull(b.url, cursor)
        for (const change of page.changes) seen.add(change.entityId)
        cursor = page.cursor
      }
      const last = await pull(b.url, cursor)
      for (const change of last.changes) seen.add(change.entityId)
    })()
    await Promise.all(
      [0, 1, 2, 3].map(async (writer) => {
        for (let n = 1; n <= 25; n++)
          await fetch(`${writer % 2 ? b.url : a.url}/v1/sync/push`, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              clientId: `writer-${writer}`,
              mutations: [caseWrite(n, `w${writer}-${n}`, `writer-${writer}`)],
            }),
          })
      }),
    )
    writing = false
    await reader
    const everything = await pull(a.url, 0)
    expect(everything.changes).toHaveLength(101)
    expect(seen.size).toBe(101)
  })
})
