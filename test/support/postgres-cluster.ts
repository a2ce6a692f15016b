import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package, on 127.0.0.1 only, in a
 * temporary directory: the tests and the bench get a real PostgreSQL without touching any other.
 * As root (CI containers) the server runs as the package's `postgres` user, as PostgreSQL requires.
 */
export async function startPostgresCluster(): Promise<{ url: string; stop(): void }> {
  const bin = postgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'crw-postgres-'))
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) => {
    const [program, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args]
    const result = spawnSync(program, argv, { encoding: 'utf8' })
    if (result.status !== 0)
      throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`)
  }
  if (asRoot) chownSync(dir, ...ownerOf('postgres'))
  const password = 'crw-test'
  const passwordFile = join(dir, 'password')
  writeFileSync(passwordFile, password, { mode: 0o600 })
  if (asRoot) chownSync(passwordFile, ...ownerOf('postgres'))
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'crw', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8'])
  const port = await freePort()
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=300`,
    'start',
  ])
  return {
    url: `postgres://crw:${password}@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

function ownerOf(user: string): [number, number] {
  return [
    Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })),
    Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })),
  ]
}

/** The newest installed PostgreSQL's programs. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions[0])
    throw new Error(
      'PostgreSQL is not installed: the server tests and the bench need it (apt-get install postgresql; .ci/run does this).',
    )
  return join(root, versions[0], 'bin')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
