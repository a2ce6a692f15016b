import { createHash } from 'node:crypto'
import { createSha256Hasher } from '@shared/hashing/sha256'
import { describe, expect, it } from 'vitest'

describe('createSha256Hasher', () => {
  it('matches the SHA-256 that sha256sum and Node compute, call after call', async () => {
    const hash = await createSha256Hasher()
    const samples = [
      new Uint8Array(),
      new TextEncoder().encode('CR-2026-000123'),
      new Uint8Array(100_000).fill(7),
    ]
    for (const bytes of samples) {
      expect(hash(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
    expect(hash(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})
