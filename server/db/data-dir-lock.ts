import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The file in DATA_DIR naming the process that has the embedded database open. */
export const LOCK_FILE = 'crw-server.lock'

/** The programs that open the embedded database, as a lock names them. */
export const TEAM_SERVER = 'the team server'
export const CREATE_ADMIN = 'server:create-admin'

/** Who holds a data directory: the server, or a command-line tool such as create-admin. */
export interface LockHolder {
  pid: number
  holder: string
}

/** Another live process has the embedded database open: a second one would corrupt it. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError'
  constructor(
    readonly dataDir: string,
    readonly by: LockHolder,
  ) {
    super(`${dataDir} is in use by ${by.holder} (pid ${by.pid}).`)
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false // a lock left by an earlier process that had this pid
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const read = JSON.parse(await readFile(path, 'utf8')) as Partial<LockHolder>
    return Number.isSafeInteger(read.pid) && (read.pid as number) > 0
      ? { pid: read.pid as number, holder: String(read.holder ?? 'another process') }
      : null
  } catch {
    return null
  }
}

/**
 * Takes the embedded database's data directory for this process, or throws DataDirInUseError while a
 * live process holds it. PGlite is single-process: two processes on one directory corrupt it (and
 * neither sees the other's writes). A lock whose process is gone (a crash, a kill -9) is taken over.
 * Resolves to the release, which removes the lock if it is still this process's.
 */
export async function lockDataDir(dataDir: string, holder: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  const mine: LockHolder = { pid: process.pid, holder }
  // Written whole to a file of its own, then linked into place: the link fails if a lock exists, and
  // nobody ever reads a half-written lock.
  const draft = `${path}.${process.pid}`
  await writeFile(draft, JSON.stringify(mine))
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, path)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 2) throw error
      }
      const held = await readHolder(path)
      if (held && isAlive(held.pid)) throw new DataDirInUseError(dataDir, held)
      await rm(path, { force: true })
    }
  } finally {
    await rm(draft, { force: true })
  }
  return async () => {
    if ((await readHolder(path))?.pid === process.pid) await rm(path, { force: true })
  }
}
