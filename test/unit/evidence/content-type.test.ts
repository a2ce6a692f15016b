import { decodeUtf8, detectContentType } from '@shared/formats/evidence/content-type'
import { describe, expect, it } from 'vitest'

const text = (value: string) => new TextEncoder().encode(value)

describe('content type from the bytes', () => {
  it('trusts a binary signature', () => {
    expect(detectContentType(new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg')).toBe('image/jpeg')
  })

  it('recognises text formats by their shape, never the name', () => {
    expect(detectContentType(text('timestamp,sender,message\n2026-11-24T10:00Z,Dana,Hi\n'), undefined)).toBe(
      'text/csv',
    )
    expect(detectContentType(text('  [{"sender":"Dana","text":"Hi"}]'), undefined)).toBe('application/json')
    expect(detectContentType(text('{ "messages": [] }'), undefined)).toBe('application/json')
    expect(detectContentType(text('[1, 2]'), undefined)).toBe('application/json')
    // A chat log whose lines open with a bracketed time is text, not JSON.
    expect(detectContentType(text('[2026-11-24 18:02] Dana: the mailbox is dented\n'), undefined)).toBe(
      'text/plain',
    )
    expect(detectContentType(text('[18:02] Dana: hi\n'), undefined)).toBe('text/plain')
    expect(
      detectContentType(
        text('From: Dana <d@example.com>\nTo: support@example.com\nSubject: Damage\n\nHello'),
        undefined,
      ),
    ).toBe('message/rfc822')
    expect(
      detectContentType(
        text('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'),
        undefined,
      ),
    ).toBe('image/svg+xml')
    expect(detectContentType(text('<!DOCTYPE html><html><script>alert(1)</script>'), undefined)).toBe(
      'text/html',
    )
    expect(detectContentType(text('The shopper left at 6:40 pm.'), undefined)).toBe('text/plain')
  })

  it('calls empty, NUL-bearing and invalid UTF-8 files what they are', () => {
    expect(detectContentType(new Uint8Array(), undefined)).toBe('application/x-empty')
    expect(detectContentType(new Uint8Array([0x41, 0x00, 0x42]), undefined)).toBe('application/octet-stream')
    expect(detectContentType(new Uint8Array([0xc3, 0x28]), undefined)).toBe('application/octet-stream')
  })

  it('does not mistake a multi-byte character cut at the end of the head for binary', () => {
    const head = text('Montréal livraison é').subarray(0, -1) // the last é is cut in half
    expect(detectContentType(head, undefined)).toBe('text/plain')
  })
})

describe('strict UTF-8', () => {
  it('decodes what TextDecoder decodes and refuses what it refuses', () => {
    for (const sample of ['plain', 'Montréal — ünïcödé', '🚚 delivery', '']) {
      expect(decodeUtf8(text(sample))).toBe(sample)
    }
    // Overlong encoding, lone surrogate, stray continuation byte, truncated sequence.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xe2, 0x82]]) {
      expect(decodeUtf8(new Uint8Array(bad))).toBeNull()
    }
  })
})

describe('hex view', () => {
  it('shows offset, hex and printable characters, sixteen bytes a line', async () => {
    const { hexDump } = await import('@shared/formats/evidence/hex-dump')
    const lines = hexDump(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, ...text('0123456789abcdef')]))
    expect(lines[0]).toEqual({
      offset: '00000000',
      hex: '25 50 44 46 00 ff 30 31 32 33 34 35 36 37 38 39',
      ascii: '%PDF..0123456789',
    })
    expect(lines[1]).toEqual({ offset: '00000010', hex: '61 62 63 64 65 66', ascii: 'abcdef' })
  })
})
