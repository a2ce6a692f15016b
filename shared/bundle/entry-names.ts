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

/** Control characters and the marks that reorder text: a name printed with them could lie about itself. */
function isUnshowable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

const SHOWN_LENGTH = 120

/**
 * An entry name as a message may print it: the path kept (so "../x" still reads as "../x"),
 * unshowable characters replaced with "_", and a long name cut short.
 */
export function displayEntryName(name: string): string {
  const chars = [...name].map((char) => (isUnshowable(char) ? '_' : char))
  return chars.length > SHOWN_LENGTH ? `${chars.slice(0, SHOWN_LENGTH - 1).join('')}…` : chars.join('')
}
