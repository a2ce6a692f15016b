import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DataDirInUseError, LOCK_FILE, lockDataDir } from '@server/db/data-dir-lock'
import { describe, expect, it } from 'vitest'

const dataDir = () => join(mkdtempSync(join(tmpdir(), 'crw-lock-')), 'server-data')

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!

describe('the embedded database’s data directory lock', () => {
  it('is held with its pid, refused to a second holder while held, and freed on release', async () => {
    const dir = dataDir()
    const release = await lockDataDir(dir, 'the team server')
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({
      pid: process.pid,
      holder: 'the team server',
    })
    // The parent of this test process is alive: a lock naming it is a live one.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, holder: 'the team server' }))
    const refused = await lockDataDir(dir, 'server:create-admin').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DataDirInUseError)
    expect((refused as DataDirInUseError).by).toEqual({ pid: process.ppid, holder: 'the team server' })
    expect((refused as DataDirInUseError).message).toBe(
      `${dir} is in use by the team server (pid ${process.ppid}).`,
    )
    // Releasing a lock another process now holds leaves it alone.
    await release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true)

    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'the team server' }))
    await release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('takes over a lock left by a process that is gone, or by an earlier process with this pid', async () => {
    const dir = dataDir()
    await (await lockDataDir(dir, 'the team server'))()
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), holder: 'the team server' }))
    const release = await lockDataDir(dir, 'server:create-admin')
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).holder).toBe('server:create-admin')
    await release()

    // A container's server is often pid 1 every time: its own old lock must not stop it.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, holder: 'the team server' }))
    await (await lockDataDir(dir, 'the team server'))()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })
})
