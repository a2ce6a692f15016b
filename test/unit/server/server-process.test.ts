import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LOCK_FILE } from '@server/db/data-dir-lock'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { freshPostgres } from '../fixtures/server-databases'
import { startTestServer } from '../fixtures/test-server'

// The real programs, as `npm run server` and `npm run server:create-admin` run them. They are started
// with node itself (`--import tsx`), not through npx, so that a signal reaches the server process.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const password = 'a long enough password'
/** Starting a process, opening PGlite and migrating takes seconds, more on a busy machine. */
const PROCESS_TIMEOUT = 180_000

const running = new Set<ChildProcess>()
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function run(script: string, env: NodeJS.ProcessEnv, options: { stdin?: string; args?: string[] } = {}) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr!.on('data', (chunk) => {
    stderr += chunk
  })
  child.stdin!.end(options.stdin ?? '')
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve({ code, stdout, stderr })
    }),
  )
  return { child, exited, stdout: () => stdout }
}

const createAdmin = (env: NodeJS.ProcessEnv) =>
  run('server/create-admin.ts', env, {
    stdin: `${password}\n`,
    args: ['--username', 'ada', '--name', 'Ada Admin'],
  }).exited

async function startServer(env: NodeJS.ProcessEnv) {
  const server = run('server/main.ts', env)
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const listening = server.stdout().match(/listening at (http:\/\/127\.0\.0\.1:\d+)/)
      if (listening) {
        clearInterval(poll)
        resolve(listening[1]!)
      }
    }, 50)
    void server.exited.then((exit) => {
      clearInterval(poll)
      reject(new Error(`The server exited (${exit.code}): ${exit.stderr}`))
    })
  })
  return { ...server, url }
}

const signIn = async (url: string, username = 'ada') =>
  fetch(`${url}/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'crw-server-process-')), 'server-data')

describe('the server process', { timeout: PROCESS_TIMEOUT }, () => {
  it('stops at once on SIGTERM with a keep-alive connection, an unused connection and a WebSocket open', async () => {
    const DATA_DIR = dataDir()
    expect((await createAdmin({ DATA_DIR })).code).toBe(0)
    const server = await startServer({ DATA_DIR })
    expect(existsSync(join(DATA_DIR, LOCK_FILE))).toBe(true)

    const token = ((await (await signIn(server.url)).json()) as { token: string }).token
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/changes`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    socket.on('error', () => {})
    await new Promise((resolve) => socket.once('message', resolve))
    const agent = new Agent({ keepAlive: true })
    await new Promise<void>((resolve) =>
      httpRequest(`${server.url}/v1/health`, { agent }, (response) => {
        response.resume()
        response.on('end', resolve)
      }).end(),
    )
    const unused = await new Promise<Socket>((resolve) => {
      const opened = connect(Number(new URL(server.url).port), '127.0.0.1', () => resolve(opened))
    })
    unused.on('error', () => {})

    const stopping = Date.now()
    server.child.kill('SIGTERM')
    const exit = await server.exited
    expect(exit.code).toBe(0)
    expect(Date.now() - stopping).toBeLessThan(5_000)
    // The database was closed and DATA_DIR given up.
    expect(existsSync(join(DATA_DIR, LOCK_FILE))).toBe(false)
    agent.destroy()
    unused.destroy()
  })

  it('keeps a second process off the embedded database while the server runs; create-admin says what to do instead', async () => {
    const DATA_DIR = dataDir()
    const server = await startServer({ DATA_DIR })

    const refused = await createAdmin({ DATA_DIR })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      `The server is running on this data directory (${DATA_DIR}, pid ${server.child.pid}): stop it first,`,
    )
    expect(refused.stderr).toContain(
      `curl -X POST http://127.0.0.1:0/v1/users -H "Authorization: Bearer <token>"`,
    )
    expect(refused.stdout).not.toContain('Created admin')
    const second = await run('server/main.ts', { DATA_DIR }).exited
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(
      `Cannot start: the embedded database in ${DATA_DIR} is in use by the team server (pid ${server.child.pid}).`,
    )
    // The running server was not disturbed, and has no such admin.
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200)
    expect((await signIn(server.url)).status).toBe(401)

    // Killed outright, the server leaves its lock behind; the next process takes it over.
    server.child.kill('SIGKILL')
    await server.exited
    expect(existsSync(join(DATA_DIR, LOCK_FILE))).toBe(true)
    const created = await createAdmin({ DATA_DIR })
    expect([created.code, created.stdout.trim()]).toEqual([0, `Created admin ada in PGlite in ${DATA_DIR}.`])
    const restarted = await startServer({ DATA_DIR })
    expect((await signIn(restarted.url)).status).toBe(200)
    restarted.child.kill('SIGTERM')
    expect((await restarted.exited).code).toBe(0)
  })

  it('creates an admin on PostgreSQL while a server runs over it, and the server signs them in at once', async () => {
    const database = await freshPostgres()
    cleanups.push(() => database.drop())
    const server = await startTestServer(database.db)
    cleanups.push(server.close)
    const url = await server.app.listen({ host: '127.0.0.1', port: 0 })
    expect((await signIn(url)).status).toBe(401)
    const created = await createAdmin({ DATABASE_URL: database.url!, DATA_DIR: dataDir() })
    expect([created.code, created.stdout.trim()]).toEqual([
      0,
      'Created admin ada in PostgreSQL (DATABASE_URL).',
    ])
    expect((await signIn(url)).status).toBe(200)
  })
})
