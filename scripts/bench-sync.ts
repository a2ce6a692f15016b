// `npm run bench` (second part): the sync server's budgets on a throwaway PostgreSQL cluster on
// loopback, written to docs/benchmarks.md under its own markers. Not a test: figures are recorded.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { createAccounts } from '@server/accounts'
import { migrate } from '@server/db/migrate'
import { openPostgres } from '@server/db/postgres'
import { createSyncEngine, type SyncStorage } from '@shared/protocol/sync/engine'
import { createSyncGateway, memoryVault } from '@shared/protocol/sync/gateway'
import type { Change, Mutation } from '@shared/protocol/sync/protocol'
import autocannon from 'autocannon'
import pg from 'pg'
import { startPostgresCluster } from '../test/support/postgres-cluster'
import { BENCHMARKS_FILE, SYNC_MARKERS, withMeasuredBlock } from './bench/benchmarks-file'

const MUTATIONS = 10_000
const CLIENTS = 200
const LOAD_SECONDS = 10

const cluster = await startPostgresCluster()
try {
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query('CREATE DATABASE crw_bench')
  await admin.end()
  const databaseUrl = cluster.url.replace(/\/postgres$/, '/crw_bench')
  const db = openPostgres(databaseUrl)
  await migrate(db)
  const password = 'a long enough password'
  await createAccounts(db, () => new Date()).createUser(
    { username: 'lee', displayName: 'Lee Park', role: 'lead', password },
    null,
  )
  await db.close()
  // The server runs as its own process (npm run server), as deployed: the load generator here does
  // not share its event loop.
  const port = 4900 + Math.floor(Math.random() * 1000)
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const serverUrl = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    if (
      await fetch(`${serverUrl}/v1/health`).then(
        (answer) => answer.ok,
        () => false,
      )
    )
      break
    if (tries > 100) throw new Error('The sync server did not start.')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }

  // 1. One client pushes 10,000 mutations and pulls them back, through the engine and the gateway.
  const vault = memoryVault()
  const gateway = createSyncGateway({ fetch, vault })
  await gateway.signIn({ serverUrl, username: 'lee', password })
  const outbox: Mutation[] = Array.from({ length: MUTATIONS }, (_, index) => ({
    mutationId: index + 1,
    entity: 'note',
    entityId: `note-${index}`,
    caseId: `case-${index % 100}`,
    fields: {
      body: {
        value: `Note ${index}: shopper called back about the order.`,
        hlc: `${String(1_800_000_000_000 + index).padStart(15, '0')}:0000:bench`,
      },
    },
    deleted: null,
  }))
  let pulled = 0
  let cursor = 0
  const storage: SyncStorage = {
    pendingMutations: async (limit) => outbox.slice(0, limit),
    pendingCount: async () => outbox.length,
    settle: async (results) => {
      const settled = new Set(results.map((result) => result.mutationId))
      outbox.splice(0, outbox.length, ...outbox.filter((mutation) => !settled.has(mutation.mutationId)))
    },
    applyChanges: async (changes: Change[]) => {
      pulled += changes.length
    },
    cursor: async () => cursor,
    setCursor: async (next) => {
      cursor = next
    },
  }
  const engine = createSyncEngine({
    clientId: 'bench',
    storage,
    transport: { push: gateway.push, pull: gateway.pull },
    now: Date.now,
    random: Math.random,
    setTimer: () => () => {},
    onState: (state) => {
      if (state.kind === 'error') throw new Error(state.message)
    },
  })
  const started = performance.now()
  await engine.syncNow()
  const roundTrip = performance.now() - started
  if (outbox.length !== 0 || pulled !== MUTATIONS)
    throw new Error(`sent ${MUTATIONS - outbox.length}, pulled ${pulled}`)
  console.info(`${MUTATIONS} mutations pushed and pulled: ${(roundTrip / 1000).toFixed(2)} s`)

  // 2. 200 clients pulling at once for ten seconds: caught up (nothing new, the steady state of a
  // team), and each catching up on the last 50 changes (back from a moment offline).
  const token = (await vault.load())!.token
  const pullLoad = async (cursor: number) => {
    const result = await autocannon({
      url: `${serverUrl}/v1/sync/pull`,
      method: 'POST',
      connections: CLIENTS,
      duration: LOAD_SECONDS,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cursor, limit: 500 }),
    })
    if (result.non2xx || result.errors)
      throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`)
    const { p50, p90, p97_5, p99 } = result.latency
    console.info(`${CLIENTS} clients pulling from ${cursor}: p90 ${p90} ms, p97.5 ${p97_5} ms`)
    return `p90 ${p90} ms, p97.5 ${p97_5} ms (p50 ${p50} ms, p99 ${p99} ms; ${Math.round(result.requests.average)} pulls/s)`
  }
  const caughtUp = await pullLoad(MUTATIONS)
  const catchingUp = await pullLoad(MUTATIONS - 50)

  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))

  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const postgres = execFileSync('ls', ['/usr/lib/postgresql']).toString().trim().split('\n').join(', ')
  const measured = `${SYNC_MARKERS.begin}
## Sync server

- Date: ${new Date().toISOString()}
- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}, PostgreSQL ${postgres} (throwaway cluster, fsync off), loopback
- Command: \`npm run bench\` (second part, scripts/bench-sync.ts)

| measurement | result | budget |
|---|---|---|
| ${MUTATIONS.toLocaleString('en-US')} mutations pushed (batches of 200) and pulled back (pages of 500) by one client through the engine and gateway | ${(roundTrip / 1000).toFixed(2)} s | < 5 s |
| ${CLIENTS} concurrent clients pulling, caught up (autocannon, ${LOAD_SECONDS} s; it reports p90 and p97.5, which bracket p95) | ${caughtUp} | p95 < 100 ms |
| ${CLIENTS} concurrent clients pulling, 50 new changes each | ${catchingUp} | p95 < 100 ms |
${SYNC_MARKERS.end}`
  const current = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : ''
  writeFileSync(BENCHMARKS_FILE, withMeasuredBlock(current, measured, SYNC_MARKERS))
  console.info(`Wrote the sync block of ${BENCHMARKS_FILE}`)
} finally {
  cluster.stop()
}
