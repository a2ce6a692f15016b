import { showUntrusted } from '../../untrusted-text'

/** Entry names must be plain relative paths inside the bundle. */
export function isSafeEntryName(name: string): boolean {
  return (
    name.length > 0 &&
    !name.startsWith('/') &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    !/^[a-z]:/i.test(name) &&
    !name.split('/').some((part) => part === '..' || part === '.')
  )
}

const SHOWN_LENGTH = 120

/**
 * An entry name as a message may print it: the path kept (so "../x" still reads as "../x"),
 * unshowable characters replaced with "_" (the app's one rule: untrusted-text.ts), and a long name
 * cut short.
 */
export function displayEntryName(name: string): string {
  return showUntrusted(name, SHOWN_LENGTH)
}
