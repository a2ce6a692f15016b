import { isSafeFileName, toSafeFileName } from '@shared/file-names'
import { displayEntryName } from '@shared/formats/bundle/entry-names'
import {
  escapeUnshowableInJson,
  hasUnshowable,
  isUnshowableChar,
  showUntrusted,
  showUntrustedLines,
} from '@shared/untrusted-text'
import { describe, expect, it } from 'vitest'

const char = (code: number) => String.fromCodePoint(code)
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index)

/** Every character that reorders text (marks, embeddings, overrides, isolates) and every control. */
const BIDI_CONTROLS = [0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)]
const CONTROLS = [...range(0x00, 0x1f), ...range(0x7f, 0x9f), 0x2028, 0x2029]

describe('untrusted text as shown and printed', () => {
  it('replaces every bidi control and every C0, DEL, C1 and line-separator control with "_"', () => {
    for (const code of [...BIDI_CONTROLS, ...CONTROLS]) {
      const name = `photo${char(code)}gpj.exe`
      expect(isUnshowableChar(char(code)), code.toString(16)).toBe(true)
      expect(hasUnshowable(name), code.toString(16)).toBe(true)
      expect(showUntrusted(name), code.toString(16)).toBe('photo_gpj.exe')
    }
  })

  it('keeps letters of every script, emoji sequences with their joiners, and ordinary punctuation', () => {
    for (const kept of [
      'Dana Okafor',
      'José Álvarez-Núñez',
      'محمد الأحمد',
      'שרה כהן',
      '王小明',
      'मेहता', // Devanagari with its virama
      'می‌خواهم', // Persian with a zero-width non-joiner
      'family 👩‍👩‍👧 photo.jpg', // emoji joined by U+200D
      'receipts/2026 "front door" <1>.jpg',
      'tab-free name with   spaces',
    ]) {
      expect(hasUnshowable(kept), kept).toBe(false)
      expect(showUntrusted(kept), kept).toBe(kept)
    }
    expect(isUnshowableChar('\u200d')).toBe(false)
    expect(isUnshowableChar('\u200c')).toBe(false)
  })

  it('shows a one-line text on one line, and a longer text with its line breaks and tabs', () => {
    expect(showUntrusted('Re: refund\r\n\tnow\u202e')).toBe('Re: refund___now_')
    expect(showUntrustedLines('Imported "a\u202egpj.exe"\r\nline two\r\tcol\u0007')).toBe(
      'Imported "a_gpj.exe"\nline two\n\tcol_',
    )
  })

  it('cuts a long text to whole characters', () => {
    const shown = showUntrusted('😀'.repeat(200), 50)
    expect([...shown]).toHaveLength(50)
    expect(shown.endsWith('😀…')).toBe(true)
    expect(showUntrusted('short', 50)).toBe('short')
  })

  it('escapes unshowable characters in JSON so it reads safely and parses to the exact original', () => {
    const original = {
      name: `invoice${BIDI_CONTROLS.map(char).join('')}${CONTROLS.map(char).join('')}gpj.exe`,
      note: 'plain',
    }
    const json = escapeUnshowableInJson(JSON.stringify(original, null, 2))
    // Only the layout's own line breaks are left.
    expect(hasUnshowable(json.replace(/\n/g, ''))).toBe(false)
    expect(json).toContain('\\u202e')
    expect(JSON.parse(json)).toEqual(original)
  })

  it('is the one rule behind file names saved to disk and bundle entry names in messages', () => {
    for (const code of [...BIDI_CONTROLS, ...CONTROLS]) {
      expect(isSafeFileName(`a${char(code)}b.txt`), code.toString(16)).toBe(false)
      expect(toSafeFileName(`a${char(code)}b.txt`), code.toString(16)).toBe('a_b.txt')
      expect(displayEntryName(`files/a${char(code)}b.txt`), code.toString(16)).toBe('files/a_b.txt')
    }
    // A file name written to disk also loses what a path or Windows would read; a shown name keeps it.
    expect(toSafeFileName('a/b:c.txt')).toBe('a_b_c.txt')
    expect(showUntrusted('a/b:c.txt')).toBe('a/b:c.txt')
  })
})
