import {
  type SessionVault,
  type StoredSession,
  StoredSessionSchema,
  type WhereKept,
} from '@shared/protocol/sync/gateway'
import type { SafeStorage } from 'electron'

type LinuxBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>

/**
 * Chromium's Linux prefix for bytes encrypted with its built-in key (the basic_text backend);
 * a keyring's key writes "v11". On macOS and Windows "v10" is a real keychain key.
 */
const BUILT_IN_KEY_PREFIX = 'v10'

/**
 * Keeps the team-server session in a file encrypted by the OS keychain (safeStorage). Where the OS
 * offers no keychain, or only Linux's basic_text (a key built into Chromium, as good as clear
 * text), the session is kept in memory only: the analyst signs in again after a restart rather
 * than the token lying on disk readable by anyone who copies the file.
 */
export function createKeychainVault(deps: {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
  /** Linux only (the call exists nowhere else): the password store safeStorage chose. */
  linuxBackend?: () => LinuxBackend
  readFile(): Promise<Uint8Array | null>
  writeFile(bytes: Uint8Array): Promise<void>
  removeFile(): Promise<void>
}): SessionVault {
  let inMemory: StoredSession | null = null
  /** A keyring was named but safeStorage still encrypted with the built-in key (it failed to open). */
  let builtInKeyOnly = false

  function whereKept(): WhereKept {
    if (!deps.safeStorage.isEncryptionAvailable())
      return { in: 'memory', reason: 'this computer offers the app no keychain to encrypt it with' }
    const backend = deps.linuxBackend?.()
    if (backend === 'basic_text' || builtInKeyOnly)
      return {
        in: 'memory',
        reason:
          'this computer has no secure keychain (no GNOME Keyring or KWallet answered; the basic_text store it falls back to is as good as clear text)',
      }
    // Asked before the app is ready: no store chosen yet, so none is trusted.
    if (backend === 'unknown')
      return { in: 'memory', reason: 'the app could not yet tell which keychain this computer has' }
    return { in: 'keychain' }
  }

  /** Bytes encrypted with Chromium's built-in key on Linux: anyone can decrypt them. */
  const encryptedWithBuiltInKey = (bytes: Uint8Array) =>
    deps.linuxBackend !== undefined &&
    Buffer.from(bytes.subarray(0, BUILT_IN_KEY_PREFIX.length)).toString('latin1') === BUILT_IN_KEY_PREFIX

  return {
    whereKept,
    async load() {
      if (inMemory) return inMemory
      const bytes = await deps.readFile()
      if (!bytes) return null
      // Written by an older version on basic_text: never read, and gone from the disk.
      if (encryptedWithBuiltInKey(bytes)) {
        await deps.removeFile()
        return null
      }
      if (whereKept().in !== 'keychain') return null
      try {
        const parsed = StoredSessionSchema.safeParse(
          JSON.parse(deps.safeStorage.decryptString(Buffer.from(bytes))),
        )
        inMemory = parsed.success ? parsed.data : null
      } catch {
        inMemory = null
      }
      return inMemory
    },
    async save(session) {
      inMemory = session
      if (whereKept().in === 'keychain') {
        const bytes = new Uint8Array(deps.safeStorage.encryptString(JSON.stringify(session)))
        if (!encryptedWithBuiltInKey(bytes)) return deps.writeFile(bytes)
        builtInKeyOnly = true
      }
      // Any file holds an earlier session (perhaps written in the clear by an older version).
      await deps.removeFile()
    },
    async clear() {
      inMemory = null
      await deps.removeFile()
    },
  }
}
