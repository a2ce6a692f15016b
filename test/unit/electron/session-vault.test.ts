import { createKeychainVault } from '@electron/session-vault'
import { createSyncHandlers } from '@shared/protocol/platform/sync-handlers'
import { createSyncGateway, type StoredSession } from '@shared/protocol/sync/gateway'
import { describe, expect, it, vi } from 'vitest'

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'unknown'

const session: StoredSession = {
  serverUrl: 'https://crw.example.org',
  token: 'a-session-token-of-enough-length',
  expiresAt: '2026-03-02T14:05:00.000Z',
  user: { id: 'user-riley', username: 'riley', displayName: 'Riley Chen', role: 'analyst' },
}

/**
 * safeStorage as Chromium's does it on Linux: "v11" and a transformed text with a keyring's key,
 * "v10" with the built-in key (basic_text). The disk is one file that outlives the vault.
 */
function fakeMachine(options: {
  backend?: Backend
  encryptionAvailable?: boolean
  /** The keyring is named but does not open, so Chromium falls back to its built-in key. */
  keyringFails?: boolean
  file?: Uint8Array | null
}) {
  const disk = { file: options.file ?? null }
  const keyPrefix = () => (options.backend === 'basic_text' || options.keyringFails ? 'v10' : 'v11')
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => options.encryptionAvailable ?? true),
    encryptString: vi.fn((text: string) =>
      Buffer.concat([Buffer.from(keyPrefix()), Buffer.from(Buffer.from(text).toString('base64')).reverse()]),
    ),
    decryptString: vi.fn((bytes: Buffer) =>
      Buffer.from(Buffer.from(bytes.subarray(3)).reverse().toString(), 'base64').toString(),
    ),
  }
  const writeFile = vi.fn(async (bytes: Uint8Array) => {
    disk.file = bytes
  })
  const removeFile = vi.fn(async () => {
    disk.file = null
  })
  /** A fresh start of the app over the same disk. */
  const start = () =>
    createKeychainVault({
      safeStorage,
      linuxBackend: options.backend ? () => options.backend! : undefined,
      readFile: async () => disk.file,
      writeFile,
      removeFile,
    })
  return { disk, safeStorage, writeFile, removeFile, start }
}

const encryptedWith = (prefix: 'v10' | 'v11', stored: StoredSession) =>
  new Uint8Array(
    Buffer.concat([
      Buffer.from(prefix),
      Buffer.from(Buffer.from(JSON.stringify(stored)).toString('base64')).reverse(),
    ]),
  )

describe('the session vault with a keychain', () => {
  it('keeps the session in a file the keychain encrypted, and finds it after a restart', async () => {
    const machine = fakeMachine({ backend: 'gnome_libsecret' })
    const vault = machine.start()
    await vault.save(session)
    expect(vault.whereKept()).toEqual({ in: 'keychain' })
    expect(Buffer.from(machine.disk.file!).toString()).not.toContain(session.token)
    expect(await machine.start().load()).toEqual(session)
  })

  it('reads a keychain file on macOS and Windows, where "v10" is a real keychain key', async () => {
    const machine = fakeMachine({ file: encryptedWith('v10', session) })
    expect(await machine.start().load()).toEqual(session)
  })
})

describe('the session vault without a secure keychain', () => {
  it('keeps the session in memory only on basic_text, writes no file and says why', async () => {
    const machine = fakeMachine({ backend: 'basic_text' })
    const vault = machine.start()
    // Known from the store alone, before anything is encrypted.
    expect(vault.whereKept()).toMatchObject({ in: 'memory' })
    await vault.save(session)
    expect(machine.safeStorage.encryptString).not.toHaveBeenCalled()
    expect(machine.writeFile).not.toHaveBeenCalled()
    expect(machine.disk.file).toBeNull()
    expect(await vault.load()).toEqual(session)
    expect(vault.whereKept()).toEqual({
      in: 'memory',
      reason: expect.stringContaining('this computer has no secure keychain'),
    })
    // After a restart the analyst signs in again.
    expect(await machine.start().load()).toBeNull()
  })

  it('removes the file an older version wrote in the clear when signing in on basic_text', async () => {
    const machine = fakeMachine({ backend: 'basic_text', file: encryptedWith('v10', session) })
    await machine.start().save({ ...session, token: 'a-newer-session-token-of-length' })
    expect(machine.disk.file).toBeNull()
    expect(machine.writeFile).not.toHaveBeenCalled()
  })

  it('never decrypts a basic_text file, and removes it, whatever the store this run', async () => {
    for (const backend of ['basic_text', 'gnome_libsecret', 'kwallet5'] as const) {
      const machine = fakeMachine({ backend, file: encryptedWith('v10', session) })
      expect(await machine.start().load(), backend).toBeNull()
      expect(machine.safeStorage.decryptString, backend).not.toHaveBeenCalled()
      expect(machine.disk.file, backend).toBeNull()
    }
  })

  it('on basic_text leaves a keyring’s file unread for the next run that has the keyring', async () => {
    const keyringFile = encryptedWith('v11', session)
    const machine = fakeMachine({ backend: 'basic_text', file: keyringFile })
    expect(await machine.start().load()).toBeNull()
    expect(machine.safeStorage.decryptString).not.toHaveBeenCalled()
    expect(machine.disk.file).toBe(keyringFile)
  })

  it('keeps the session in memory where the system offers no encryption at all', async () => {
    const machine = fakeMachine({ encryptionAvailable: false, file: encryptedWith('v11', session) })
    const vault = machine.start()
    expect(await vault.load()).toBeNull()
    expect(machine.safeStorage.decryptString).not.toHaveBeenCalled()
    await vault.save(session)
    expect(machine.safeStorage.encryptString).not.toHaveBeenCalled()
    expect(machine.disk.file).toBeNull()
    expect(vault.whereKept()).toMatchObject({ in: 'memory' })
  })

  it('trusts no store before the app is ready', async () => {
    const machine = fakeMachine({ backend: 'unknown' })
    const vault = machine.start()
    await vault.save(session)
    expect(machine.disk.file).toBeNull()
    expect(vault.whereKept()).toMatchObject({ in: 'memory' })
  })

  it('writes nothing when a named keyring fails and Chromium falls back to its built-in key', async () => {
    const machine = fakeMachine({ backend: 'gnome_libsecret', keyringFails: true })
    const vault = machine.start()
    await vault.save(session)
    expect(machine.writeFile).not.toHaveBeenCalled()
    expect(machine.disk.file).toBeNull()
    expect(await vault.load()).toEqual(session)
    expect(vault.whereKept()).toMatchObject({
      in: 'memory',
      reason: expect.stringContaining('no secure keychain'),
    })
  })
})

describe('the sync channels tell the page where the sign-in is kept', () => {
  const signInAnswer = () =>
    new Response(JSON.stringify({ token: session.token, expiresAt: session.expiresAt, user: session.user }), {
      headers: { 'Content-Type': 'application/json' },
    })

  it('memory only on basic_text, with the reason, and never the token', async () => {
    const machine = fakeMachine({ backend: 'basic_text' })
    const handlers = createSyncHandlers(
      createSyncGateway({ fetch: vi.fn(async () => signInAnswer()), vault: machine.start() }),
    )
    const signedIn = await handlers['sync:signIn']({
      serverUrl: session.serverUrl,
      username: 'riley',
      password: 'a long enough password',
    })
    expect(signedIn.kept).toEqual({ in: 'memory', reason: expect.stringContaining('no secure keychain') })
    expect(JSON.stringify(signedIn)).not.toContain(session.token)
    expect(await handlers['sync:session']({})).toEqual({ session: signedIn })
  })

  it('the keychain where there is one', async () => {
    const machine = fakeMachine({ backend: 'kwallet5' })
    const handlers = createSyncHandlers(
      createSyncGateway({ fetch: vi.fn(async () => signInAnswer()), vault: machine.start() }),
    )
    await handlers['sync:signIn']({
      serverUrl: session.serverUrl,
      username: 'riley',
      password: 'a long enough password',
    })
    expect((await handlers['sync:session']({})).session?.kept).toEqual({ in: 'keychain' })
  })
})
