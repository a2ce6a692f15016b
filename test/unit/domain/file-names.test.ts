import { isSafeFileName, toSafeFileName } from '@shared/file-names'
import { describe, expect, it } from 'vitest'

describe('file names from outside', () => {
  it('refuses path separators, traversal, control characters and direction overrides', () => {
    for (const name of [
      '../secrets.zip',
      'a/b.zip',
      'a\\b.zip',
      '..',
      'bad\u0000.zip',
      'invoice\u202Egpj.exe',
    ]) {
      expect(isSafeFileName(name)).toBe(false)
    }
    expect(isSafeFileName('CR-2026-000123 report.pdf')).toBe(true)
  })

  it('makes an unsafe name safe without losing the readable part', () => {
    expect(toSafeFileName('invoice\u202Egpj.exe')).toBe('invoice_gpj.exe')
    expect(toSafeFileName('../../etc/passwd')).toBe('.._.._etc_passwd')
    expect(toSafeFileName('photo: "front" <door>|?*.jpg')).toBe('photo_ _front_ _door____.jpg')
    expect(toSafeFileName('..', 'exhibit')).toBe('exhibit')
  })
})
