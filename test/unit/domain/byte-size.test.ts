import { formatBytes, formatBytesApart } from '@shared/byte-size'
import { describe, expect, it } from 'vitest'

describe('byte sizes', () => {
  it('reads as an analyst says them', () => {
    expect(formatBytes(204)).toBe('204 bytes')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB')
  })

  it('tells two sizes apart to the byte when rounding would make them read the same', () => {
    expect(formatBytesApart(2 * 1024 ** 2, 1024 ** 2)).toEqual(['2.0 MB', '1.0 MB'])
    expect(formatBytesApart(2 * 1024 ** 3 + 1, 2 * 1024 ** 3)).toEqual([
      '2,147,483,649 bytes',
      '2,147,483,648 bytes',
    ])
  })
})
