import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  goodCaseBundle,
  goodEvidenceBundle,
  hostileCaseBundles,
  hostileEvidenceBundles,
} from './hostile-bundles'

const dir = mkdtempSync(join(tmpdir(), 'hostile-bundles-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Each hostile bundle would take about 1 GiB to inflate (the bombs, and the 100,000 unlisted entries of
 * 10 KiB each); reading one may raise the peak by no more than this. The 100,000-entry directory itself
 * accounts for most of what a read does use.
 */
const PEAK_RISE_LIMIT_MIB = 128

describe('hostile bundles, read from disk', () => {
  it('are refused with their one message while peak memory stays bounded', () => {
    const bundles = [
      ...hostileCaseBundles().map((bundle) => ({ ...bundle, kind: 'case' })),
      ...hostileEvidenceBundles().map((bundle) => ({ ...bundle, kind: 'evidence' })),
    ]
    // The good bundles go first: loading the code and its first run are not the hostile reads' cost.
    const goodCase = join(dir, 'good-case.zip')
    writeFileSync(goodCase, goodCaseBundle())
    const goodEvidence = join(dir, 'good-evidence.zip')
    writeFileSync(goodEvidence, goodEvidenceBundle())
    const args = [`case:${goodCase}`, `evidence:${goodEvidence}`]
    bundles.forEach((bundle, index) => {
      const path = join(dir, `hostile-${index}.zip`)
      writeFileSync(path, bundle.bytes)
      args.push(`${bundle.kind}:${path}`)
    })
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'test/unit/bundle/bundle-memory-probe.ts', ...args],
      { encoding: 'utf8', stdio: 'pipe' },
    )
    const [readCase, readEvidence, ...hostile] = JSON.parse(output) as Array<{
      answer: string
      peakRiseMiB: number
    }>
    expect([readCase?.answer, readEvidence?.answer]).toEqual(['accepted', 'verified'])
    expect(hostile.map((read) => read.answer)).toEqual(bundles.map((bundle) => bundle.refusal))
    for (const [index, read] of hostile.entries()) {
      expect(read.peakRiseMiB, bundles[index]!.label).toBeLessThan(PEAK_RISE_LIMIT_MIB)
    }
  }, 120_000)
})
