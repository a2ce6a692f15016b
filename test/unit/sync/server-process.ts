import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SqlClient } from '@server/db/sql'
import { openServerDatabase } from '@server/open-database'
import { inject } from 'vitest'
import { freshPostgres } from '../fixtures/server-databases'

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url))
/**
 * How long a start may take: seconds on a quiet machine, but over 40 s has been seen on a two-core
 * machine running other test suites (tsx compiles, PGlite loads and recovers after a kill).
 */
const START_TIMEOUT_MS = 120_000
/** The last output kept from a server process, to say why one did not start. */
const KEPT_OUTPUT_CHARS = 4_000
/** What server/main.ts logs once it listens. */
const RUNNING_LINE = 'sync server is running'

/**
 * A port nobody listens on now, below the kernel's range for outgoing connections (32768 and up):
 * the server gives it up at every kill, and a port from that range could meanwhile be handed to
 * another process.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000)
    const probe = createServer()
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => resolve(true))
    })
    if (free) {
      await new Promise((resolve) => probe.close(resolve))
      return port
    }
  }
}

/**
 * The team server's database as a server process gets it (its environment), and a connection of the
 * test's own for setting up accounts and reading the outcome. PGlite is single-process: `withDb`
 * opens the data directory only while no server runs, through the same lock the server takes.
 */
export interface ServerDatabase {
  name: string
  env: Record<string, string>
  /** Opened by one process at a time (PGlite): `withDb` only while the server is stopped. */
  singleProcess: boolean
  withDb<T>(work: (db: SqlClient) => Promise<T>): Promise<T>
  drop(): Promise<void>
}

export function pgliteDatabase(): ServerDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'crw-server-data-'))
  // Already migrated: PGlite's initdb is seconds, a copy is not.
  cpSync(inject('pgliteMigratedDir'), dataDir, { recursive: true })
  return {
    name: 'PGlite',
    env: { DATA_DIR: dataDir },
    singleProcess: true,
    async withDb(work) {
      const { db } = await openServerDatabase({ DATA_DIR: dataDir }, 'the convergence test')
      try {
        return await work(db)
      } finally {
        await db.close()
      }
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  }
}

export async function postgresDatabase(): Promise<ServerDatabase> {
  const fresh = await freshPostgres()
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: fresh.url! },
    singleProcess: false,
    withDb: (work) => work(fresh.db),
    drop: () => fresh.drop(),
  }
}

/**
 * `server/main.ts` as its own process (`node --import tsx`), as deployed: started, killed with
 * SIGKILL at any moment, and started again on the same data and port.
 */
export function serverProcess(database: ServerDatabase, port: number) {
  const blobDir = mkdtempSync(join(tmpdir(), 'crw-server-blobs-'))
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let output = ''
  let listening = false
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS)
    // Said once app.listen succeeded: the port is this process's, not another test's server that
    // took it while ours was down (a health answer alone would not tell them apart).
    if (output.includes(RUNNING_LINE)) listening = true
  }

  const healthy = () =>
    fetch(`${url}/v1/health`).then(
      (answer) => answer.ok,
      () => false,
    )

  const kill = async () => {
    child?.kill('SIGKILL')
    await exited
  }
  // A test process that ends without its cleanup (a timeout, an interrupt) leaves no server behind.
  const killOnExit = () => child?.kill('SIGKILL')
  process.once('exit', killOnExit)

  return {
    url,
    get running() {
      return child !== null
    },

    /**
     * Starts the server and waits until it says it listens and answers; a process that exits first
     * fails with its output (a data directory that does not open after a kill, a port in use).
     */
    async start(): Promise<void> {
      if (child) throw new Error('The server is already running.')
      output = ''
      listening = false
      // DATABASE_URL or DATA_DIR, never both: a stray one from the environment must not choose for us.
      const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env
      const started = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: REPOSITORY,
        env: { ...inherited, ...database.env, PORT: String(port), HOST: '127.0.0.1', BLOB_DIR: blobDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child = started
      started.stdout!.on('data', keep)
      started.stderr!.on('data', keep)
      let exitCode: string | null = null
      exited = new Promise((resolve) =>
        started.once('exit', (code, signal) => {
          exitCode = signal ?? String(code)
          if (child === started) child = null
          resolve()
        }),
      )
      const deadline = Date.now() + START_TIMEOUT_MS
      while (!(listening && (await healthy()))) {
        if (exitCode !== null)
          throw new Error(`The server on ${database.name} exited (${exitCode}) while starting:\n${output}`)
        if (Date.now() > deadline) {
          started.kill('SIGKILL')
          throw new Error(`The server on ${database.name} did not answer within two minutes:\n${output}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },

    /** SIGKILL: no request finishes, nothing is flushed or closed. Resolves once the process is gone. */
    kill,

    /** Kills the server if it runs and removes its evidence directory. */
    async remove(): Promise<void> {
      process.off('exit', killOnExit)
      await kill()
      rmSync(blobDir, { recursive: true, force: true })
    },
  }
}
export type ServerProcess = ReturnType<typeof serverProcess>
