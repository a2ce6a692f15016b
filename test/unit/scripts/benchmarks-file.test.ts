import { BEGIN_MEASURED, END_MEASURED, withMeasuredBlock } from '@scripts/bench/benchmarks-file'
import { describe, expect, it } from 'vitest'

const block = (figure: string) => `${BEGIN_MEASURED}\n| load | ${figure} |\n${END_MEASURED}`

describe('docs/benchmarks.md rewriting', () => {
  it('replaces the measured figures and keeps the hand-written analysis around them', () => {
    const before = `# Benchmarks\n\nintro\n\n${block('900 s')}\n\n## Why the load takes minutes\n\nanalysis\n`
    const after = withMeasuredBlock(before, block('600 s'))
    expect(after).toContain('| load | 600 s |')
    expect(after).not.toContain('900 s')
    expect(after).toContain('## Why the load takes minutes\n\nanalysis\n')
    expect(after.startsWith('# Benchmarks\n\nintro\n')).toBe(true)
  })

  it('starts a new file, and keeps an old file without markers below the figures', () => {
    expect(withMeasuredBlock('', block('1 s'))).toContain('| load | 1 s |')
    const migrated = withMeasuredBlock('old notes\n', block('2 s'))
    expect(migrated.indexOf('| load | 2 s |')).toBeLessThan(migrated.indexOf('old notes'))
  })
})
