import { formatCaseNumber, parseCaseNumber } from '@shared/domain'
import { describe, expect, it } from 'vitest'

describe('case numbers', () => {
  it('formats the year and a zero-padded six-digit sequence', () => {
    expect(formatCaseNumber(2026, 123)).toBe('CR-2026-000123')
    expect(formatCaseNumber(2027, 999_999)).toBe('CR-2027-999999')
  })

  it('refuses sequences that do not fit six digits', () => {
    expect(() => formatCaseNumber(2026, 0)).toThrow(RangeError)
    expect(() => formatCaseNumber(2026, 1_000_000)).toThrow(RangeError)
    expect(() => formatCaseNumber(2026, 1.5)).toThrow(RangeError)
  })

  it('parses what it formats and rejects anything else', () => {
    expect(parseCaseNumber('CR-2026-000123')).toEqual({ year: 2026, sequence: 123 })
    expect(parseCaseNumber('CR-2026-123')).toBeNull()
    expect(parseCaseNumber('cr-2026-000123')).toBeNull()
    expect(parseCaseNumber(' CR-2026-000123')).toBeNull()
  })
})
