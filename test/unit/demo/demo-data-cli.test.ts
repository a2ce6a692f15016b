import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCaseBundle } from '@shared/formats/bundle/read'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'demo-data-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo-data.ts', ...args], {
    encoding: 'utf8',
    stdio: 'pipe',
  })

describe('npm run demo-data', () => {
  it('writes a valid case bundle, byte-identical for the same seed', async () => {
    const first = join(dir, 'a.zip')
    const second = join(dir, 'b.zip')
    expect(run('--cases', '40', '--out', first)).toMatch(/Wrote .*a\.zip: 40 cases, \d+ evidence files/)
    run('--cases', '40', '--out', second)
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true)
    const result = await readCaseBundle(new Uint8Array(readFileSync(first)))
    expect(result.ok && result.bundle.caseFiles.map((file) => file.case.caseNumber).slice(0, 2)).toEqual([
      expect.stringMatching(/^CR-2026-000001$/),
      expect.stringMatching(/^CR-2026-000002$/),
    ])
  }, 60_000)

  it('explains its usage when the arguments are wrong', () => {
    expect(() => run('--cases', '0', '--out', join(dir, 'x.zip'))).toThrow(/usage: npm run demo-data/)
  })
})
