import type { SafeStorage } from 'electron'
import { type SessionVault, type StoredSession, StoredSessionSchema } from '../shared/sync/gateway'

/**
 * Keeps the team-server session in a file encrypted by the OS keychain (safeStorage). Where the OS
 * offers no keychain the session is kept in memory only: the analyst signs in again after a restart
 * rather than the token lying on disk in the clear.
 */
export function createKeychainVault(deps: {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
  readFile(): Promise<Uint8Array | null>
  writeFile(bytes: Uint8Array): Promise<void>
  removeFile(): Promise<void>
}): SessionVault {
  let inMemory: StoredSession | null = null
  return {
    async load() {
      if (inMemory) return inMemory
      if (!deps.safeStorage.isEncryptionAvailable()) return null
      const bytes = await deps.readFile()
      if (!bytes) return null
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
      if (deps.safeStorage.isEncryptionAvailable())
        await deps.writeFile(new Uint8Array(deps.safeStorage.encryptString(JSON.stringify(session))))
    },
    async clear() {
      inMemory = null
      await deps.removeFile()
    },
  }
}
